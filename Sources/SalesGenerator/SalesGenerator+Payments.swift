import PosMoney

extension SalesGenerator {
    /// Pays an order in full: card mostly, cash often, now and then split between the two;
    /// tips on some; a few orders get a partial refund, the same day or one to three days later.
    mutating func pay(orderID: Int, totals: OrderTotals, day: Int, localSeconds: Int) {
        let total = totals.totalCents
        var parts: [(method: String, amount: Int)]
        let roll = random.int(0...99)
        if roll < 5, total >= 200 {
            let cash = max(10, min(total - 10, total * random.int(30...70) / 100 / 10 * 10))
            parts = [("cash", cash), ("card", total - cash)]
        } else {
            parts = [(roll < 42 ? "cash" : "card", total)]
        }
        let shift = shiftID(day: day, localSeconds: localSeconds)
        let at = epoch(day: day, localSeconds: localSeconds)
        let takenBy = cashier(day: day, localSeconds: localSeconds)
        let refund = random.chance(0.4) ? plannedRefund(day: day, localSeconds: localSeconds, maxCents: parts[0].amount) : nil
        var tips = 0
        for (index, part) in parts.enumerated() {
            ids.payment += 1
            let tip = part.method == "card"
                ? (random.chance(18) ? max(10, total * random.int(5...15) / 100 / 10 * 10) : 0)
                : (random.chance(6) ? random.int(5...20) * 10 : 0)
            tips += tip
            let tendered = part.method == "cash" ? (random.chance(40) ? part.amount : (part.amount / 500 + 1) * 500) : nil
            let refunded = index == 0 ? (refund?.amountCents ?? 0) : 0
            if part.method == "cash" { drawerCash[shift - 1] += part.amount + tip }
            let t = tables.payments
            t.int(ids.payment); t.int(orderID); t.text(part.method); t.int(part.amount); t.int(tip); t.int(tendered)
            t.int(tendered.map { $0 - part.amount } ?? 0)
            t.text(part.method == "card" ? "A\(100_000 + random.int(0...899_999))" : nil)
            t.int(refunded); t.int(shift); t.text(stamp(at).date); t.int(takenBy); t.text(databaseTime(at)); t.endRow()
            if index == 0, let refund {
                writeRefund(refund, paymentID: ids.payment, orderID: orderID, cash: part.method == "cash")
            }
        }
        let t = tables.totals
        t.int(orderID); t.int(total); t.int(refund?.amountCents ?? 0); t.int(tips); t.endRow()
    }

    struct PlannedRefund {
        let day: Int
        let localSeconds: Int
        let amountCents: Int
    }

    /// A refund of part of a payment: 70 % the same day (within the hour), the rest one to three
    /// days later in the morning; none past the last generated day.
    mutating func plannedRefund(day: Int, localSeconds: Int, maxCents: Int) -> PlannedRefund? {
        let amount = min(maxCents, random.int(1...max(1, maxCents / 100)) * 100 + random.int(0...99))
        guard amount > 0 else { return nil }
        if random.chance(70) {
            let at = min(localSeconds + random.int(300...3600), closingTime(day: day) - 600)
            return PlannedRefund(day: day, localSeconds: max(at, localSeconds), amountCents: amount)
        }
        let later = day + random.int(1...3)
        guard later < options.days else { return nil }
        return PlannedRefund(day: later, localSeconds: random.int(10 * 3600...13 * 3600), amountCents: amount)
    }

    mutating func writeRefund(_ refund: PlannedRefund, paymentID: Int, orderID: Int, cash: Bool) {
        ids.refund += 1
        let shift = shiftID(day: refund.day, localSeconds: refund.localSeconds)
        let at = epoch(day: refund.day, localSeconds: refund.localSeconds)
        if cash { drawerCash[shift - 1] -= refund.amountCents }
        let t = tables.refunds
        t.int(ids.refund); t.int(paymentID); t.int(orderID); t.int(refund.amountCents); t.text("Wrong item")
        t.int(shift); t.text(stamp(at).date); t.int(2); t.text(databaseTime(at)); t.endRow()
    }
}
