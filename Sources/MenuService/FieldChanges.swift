import PosHTTP

/// The audit detail of an update: for every member whose value differs between `old` and
/// `new` (same keys, same order), `key: {"old": …, "new": …}`. Empty when nothing changed.
func fieldChanges(from old: [(String, JSON)], to new: [(String, JSON)]) -> [(String, JSON)] {
    var changes: [(String, JSON)] = []
    for ((key, before), (_, after)) in zip(old, new) where before != after {
        changes.append((key, ["old": before, "new": after]))
    }
    return changes
}
