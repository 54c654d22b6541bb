import MariaDB
import PosCore
import PosHTTP

/// Counted stock lives on menu items (owned by the menu service); the order account may write
/// only that column and the menu version. Stock is taken when an order is sent to the kitchen
/// and given back when such an order or line is cancelled.
struct StockKeeper {
    let db: Connection

    /// Takes `lines`' quantities off counted items, all or nothing: 409 naming the first item
    /// that has too little. Items are updated in id order so concurrent submits cannot deadlock.
    /// Lines read as not counted (`stockCounted`) cost nothing: no statement, no lock.
    func take(_ lines: [OrderLine]) throws {
        var changed: [Int] = []
        for (itemID, quantity) in quantities(lines.filter(\.stockCounted)) {
            let result = try db.execute("""
                UPDATE menu_items SET stock = stock - \(quantity)
                WHERE id = \(itemID) AND stock IS NOT NULL AND stock >= \(quantity)
                """)
            if result.affectedRows == 1 {
                changed.append(itemID)
                continue
            }
            let row = try db.queryFirst("SELECT name, stock FROM menu_items WHERE id = \(itemID)")
            if let row, let stock = try row.optionalInt("stock") {
                let name = try row.string("name")
                throw HTTPError.conflict(stock == 0 ? "\(name) is sold out." : "Only \(stock) × \(name) left.", slug: "sold-out")
            }
        }
        if !changed.isEmpty { try bumpMenuVersion(itemIDs: changed) }
    }

    /// Gives back what `take` took for `lines`.
    func restore(_ lines: [OrderLine]) throws {
        var changed: [Int] = []
        for (itemID, quantity) in quantities(lines) {
            let result = try db.execute("UPDATE menu_items SET stock = stock + \(quantity) WHERE id = \(itemID) AND stock IS NOT NULL")
            if result.affectedRows == 1 { changed.append(itemID) }
        }
        if !changed.isEmpty { try bumpMenuVersion(itemIDs: changed) }
    }

    private func quantities(_ lines: [OrderLine]) -> [(Int, Int)] {
        var total: [Int: Int] = [:]
        for line in lines { total[line.itemID, default: 0] += line.quantity }
        return total.sorted { $0.key < $1.key }
    }

    /// The public menu shows stock, so its ETag must change with it; its published files (and
    /// those of `itemIDs`) are removed once the change is committed, so nginx asks the menu
    /// service until it has published them again.
    private func bumpMenuVersion(itemIDs: [Int]) throws {
        try db.execute("UPDATE menu_state SET version = version + 1 WHERE id = 1")
        if let files = PublishedMenu.configured {
            db.afterCommit { try? files.invalidate(itemIDs: itemIDs) }
        }
    }
}
