import MariaDB

extension ItemRepository {
    /// The modifier groups (with options) of every item in `itemIDs`, keyed by item id, each
    /// list in position order. Two queries whatever the number of items.
    func modifierGroups(forItems itemIDs: [Int]) throws -> [Int: [ModifierGroup]] {
        guard !itemIDs.isEmpty else { return [:] }
        let groupRows = try db.query("""
            SELECT id, item_id, name, min_select, max_select FROM menu_modifier_groups
            WHERE item_id IN (\(list: itemIDs)) ORDER BY item_id, position, id
            """)
        guard !groupRows.isEmpty else { return [:] }
        let groupIDs = try groupRows.map { try $0.int("id") }
        let optionRows = try db.query("""
            SELECT id, group_id, name, price_delta_cents FROM menu_modifier_options
            WHERE group_id IN (\(list: groupIDs)) ORDER BY group_id, position, id
            """)
        var options: [Int: [ModifierOption]] = [:]
        for row in optionRows {
            options[try row.int("group_id"), default: []].append(try ModifierOption(row: row))
        }
        var groups: [Int: [ModifierGroup]] = [:]
        for (row, id) in zip(groupRows, groupIDs) {
            let group = try ModifierGroup(row: row, options: options[id] ?? [])
            groups[group.itemID, default: []].append(group)
        }
        return groups
    }

    /// Deletes every group of the item (options go with them) and inserts `groups`.
    func replaceGroups(itemID: Int, with groups: [ModifierGroupInput]) throws {
        try db.execute("DELETE FROM menu_modifier_groups WHERE item_id = \(itemID)")
        try insertGroups(itemID: itemID, groups)
    }

    /// One INSERT per group and one per group's options, positions in the order given.
    func insertGroups(itemID: Int, _ groups: [ModifierGroupInput]) throws {
        for (position, group) in groups.enumerated() {
            let groupID = try db.execute("""
                INSERT INTO menu_modifier_groups (item_id, name, min_select, max_select, position)
                VALUES (\(itemID), \(group.name), \(group.minSelect), \(group.maxSelect), \(position))
                """).lastInsertID
            guard let first = group.options.first else { continue }
            var values: SQLQuery = "(\(groupID), \(first.name), \(first.priceDeltaCents), \(0))"
            for (index, option) in group.options.enumerated().dropFirst() {
                values = "\(values), (\(groupID), \(option.name), \(option.priceDeltaCents), \(index))"
            }
            try db.execute("INSERT INTO menu_modifier_options (group_id, name, price_delta_cents, position) VALUES \(values)")
        }
    }
}
