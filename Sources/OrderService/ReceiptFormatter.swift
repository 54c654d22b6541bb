import Foundation
import PosHTTP
import PosMoney

/// A printable receipt: 42 columns of plain text for a receipt printer, or the same lines as
/// a small HTML page. Figures are the order's stored totals (from the one pricing function).
struct ReceiptFormatter {
    static let width = 42
    let order: Order
    let cafeName: String

    func text() -> String {
        lines().joined(separator: "\n") + "\n"
    }

    func html() -> String {
        let body = lines().map(escape).joined(separator: "\n")
        return """
            <!doctype html>
            <html><head><meta charset="utf-8"><title>Order \(order.number)</title>
            <style>pre{font:14px/1.3 monospace;width:42ch;margin:1em auto}</style></head>
            <body><pre>\(body)</pre></body></html>

            """
    }

    func lines() -> [String] {
        var out: [String] = [centered(cafeName), ""]
        let kind = order.type == .dineIn ? "Dine in" + (order.table.map { ", table \($0)" } ?? "") : "Takeaway"
        out.append(columns("Order #\(order.number)", kind))
        out.append(columns(order.businessDate, order.createdAt.replacingOccurrences(of: "T", with: " ").replacingOccurrences(of: "Z", with: " UTC")))
        out.append(rule())
        for line in order.lines {
            out.append(columns("\(line.quantity) x \(line.name)", money(line.pricing.lineTotalCents)))
            for modifier in line.modifiers {
                out.append(columns("    + \(modifier.name)", modifier.priceDeltaCents == 0 ? "" : money(modifier.priceDeltaCents * line.quantity)))
            }
            if let note = line.note { out.append(fit("    \"\(note)\"")) }
        }
        out.append(rule())
        out.append(columns("Subtotal", money(order.subtotalCents)))
        if order.discountCents > 0 {
            out.append(columns("Discount" + (order.discountReason.map { " (\($0))" } ?? ""), "-" + money(order.discountCents)))
        }
        out.append(columns(order.taxMode == .inclusive ? "Incl. tax" : "Tax", money(order.taxCents)))
        out.append(columns("TOTAL", money(order.totalCents)))
        out.append(columns("Paid", money(order.paidCents)))
        out.append(columns("Balance due", money(order.balanceCents)))
        if order.status == .cancelled { out += ["", centered("*** CANCELLED ***")] }
        out += ["", centered("Thank you!")]
        return out
    }

    /// 1234 → "12.34"; -5 → "-0.05".
    func money(_ cents: Int) -> String {
        let sign = cents < 0 ? "-" : ""
        let value = abs(cents)
        let fraction = value % 100
        return "\(sign)\(value / 100).\(fraction < 10 ? "0" : "")\(fraction)"
    }

    /// Left text and right text on one line; the left is cut to leave room for the right.
    /// Stored text is made printable first: no control character or bidi override from a
    /// name or a note can start a line of its own or move the figures.
    func columns(_ left: String, _ right: String) -> String {
        if right.isEmpty { return fit(left) }
        let left = TextRule.printable(left)
        let room = Self.width - right.count - 1
        let cut = left.count > room ? String(left.prefix(max(0, room - 1))) + "…" : left
        return cut + String(repeating: " ", count: max(1, Self.width - cut.count - right.count)) + right
    }

    private func fit(_ text: String) -> String {
        let text = TextRule.printable(text)
        return text.count > Self.width ? String(text.prefix(Self.width - 1)) + "…" : text
    }

    private func centered(_ text: String) -> String {
        let fitted = fit(text)
        return String(repeating: " ", count: (Self.width - fitted.count) / 2) + fitted
    }

    private func rule() -> String { String(repeating: "-", count: Self.width) }

    private func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;")
    }
}
