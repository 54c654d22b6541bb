import Foundation
import PosMoney

extension SalesGenerator {
    /// One business day: its orders in ticket order, their payments and refunds, the day's
    /// ticket counter and cash movements.
    mutating func generateDay(_ day: Int) throws {
        let late = Self.isLate(day: day, startDay: startDay)
        let weekday = (startDay + day + 4) % 7
        let weekdayFactor = [0.8, 0.9, 0.95, 1.0, 1.05, 1.2, 1.15][weekday]
        let season = 1 + 0.1 * sin(2 * Double.pi * Double(day) / 365)
        let jitter = 0.95 + Double(random.int(0...100)) / 1000
        let count = Int(Double(options.ordersPerDay) * weekdayFactor * season * jitter)
        let hours = Self.hourWeights + (late ? Self.lateHourWeights : [])
        let weights = hours.map(\.weight)
        var times: [Int] = (0..<count).map { _ in
            let hour = hours[random.weighted(weights)].hour
            return hour * 3600 + (hour == 6 ? random.int(1800...3599) : random.int(0...3599))
        }
        times.sort()
        for (index, localSeconds) in times.enumerated() {
            try order(day: day, number: index + 1, localSeconds: localSeconds)
        }
        let date = stamp(epoch(day: day, localSeconds: Self.shiftChange)).date
        tables.counters.text(date); tables.counters.int(count); tables.counters.endRow()
        // Cash to the safe every evening; now and then a float top-up in the morning.
        movement(day: day, localSeconds: 18 * 3600, amountCents: -random.int(100...300) * 100, reason: "Cash to safe")
        if random.chance(8) {
            movement(day: day, localSeconds: 9 * 3600, amountCents: 5_000, reason: "Float top-up")
        }
    }

    mutating func movement(day: Int, localSeconds: Int, amountCents: Int, reason: String) {
        ids.movement += 1
        let shift = shiftID(day: day, localSeconds: localSeconds)
        let at = epoch(day: day, localSeconds: localSeconds)
        drawerCash[shift - 1] += amountCents
        let t = tables.movements
        t.int(ids.movement); t.int(shift); t.text(stamp(at).date); t.int(amountCents); t.text(reason)
        t.int(cashier(day: day, localSeconds: localSeconds)); t.text(databaseTime(at)); t.endRow()
    }

    /// One order with its lines, priced by `Pricing.totals`; most are completed and paid,
    /// some cancelled after they went to the kitchen, a few left open.
    mutating func order(day: Int, number: Int, localSeconds: Int) throws {
        ids.order += 1
        let orderID = ids.order
        let created = epoch(day: day, localSeconds: localSeconds)
        let (businessDate, hour) = stamp(created)
        let createdBy = cashier(day: day, localSeconds: localSeconds)

        let lineCount = [1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 5, 5, 6, 7][random.int(0...21)]
        var lines: [(item: BenchMenu.Item, options: [BenchMenu.Option], pricing: PricingLine)] = []
        for _ in 0..<lineCount {
            let item = menu.items[random.weighted(popularity)]
            var chosen: [BenchMenu.Option] = []
            for group in item.groups where group.minSelect > 0 || (group.maxSelect > 0 && random.chance(30)) {
                chosen.append(group.options[random.weighted(group.options.indices.map { max(1, 6 - $0 * 2) })])
            }
            let quantity = random.chance(85) ? 1 : (random.chance(80) ? 2 : 3)
            lines.append((item, chosen, PricingLine(basePriceCents: item.priceCents, modifierDeltasCents: chosen.map(\.deltaCents),
                                                    quantity: quantity, taxRateBP: item.taxRateBP)))
        }
        var discount: Discount?
        if random.chance(4) {
            discount = random.chance(50) ? .percent(basisPoints: [1000, 1500, 2000, 5000][random.int(0...3)])
                : .amount(cents: random.int(1...5) * 100)
        }
        let totals = Pricing.totals(lines.map(\.pricing), discount: discount, mode: options.taxMode)

        let roll = random.int(0...999)
        let status = roll < 15 ? "cancelled" : (roll < 17 ? "open" : "completed")
        let submitted = created + random.int(20...120), ready = submitted + random.int(120...360)
        let completed = ready + random.int(0...180), cancelled = submitted + random.int(60...600)
        let t = tables.orders
        t.int(orderID); t.text(businessDate); t.int(number); t.text(status)
        t.text(random.chance(40) ? "dine_in" : "takeaway"); t.text(nil as String?); t.text(nil as String?); t.text("staff")
        t.int(totals.subtotalCents); t.int(totals.discountCents); t.int(totals.taxCents); t.int(totals.totalCents)
        t.text(options.taxMode.rawValue)
        if case .percent(let bp) = discount { t.int(bp) } else { t.null() }
        if case .amount(let cents) = discount { t.int(cents) } else { t.null() }
        t.text(discount == nil ? nil : "Regular customer")
        t.text(status == "cancelled" ? "Customer left" : nil)
        t.int(status == "open" ? 1 : 4); t.int(createdBy); t.int(hour); t.text(databaseTime(created))
        t.text(databaseTime(status == "open" ? created : (status == "cancelled" ? cancelled : completed)))
        t.text(status == "open" ? nil : databaseTime(submitted))
        t.text(status == "completed" ? databaseTime(ready) : nil)
        t.text(status == "completed" ? databaseTime(completed) : nil)
        t.text(status == "cancelled" ? databaseTime(cancelled) : nil)
        t.endRow()

        for (index, line) in lines.enumerated() {
            ids.line += 1
            let l = tables.lines
            l.int(ids.line); l.int(orderID); l.int(line.item.id); l.text(line.item.name); l.int(line.pricing.quantity)
            l.int(line.item.priceCents); l.int(line.pricing.unitPriceCents); l.int(line.item.taxRateBP)
            l.int(line.pricing.lineTotalCents); l.int(totals.discountSharesCents[index])
            l.text(status == "completed" ? businessDate : nil); l.text(line.item.station)
            l.text(nil as String?); l.text(databaseTime(created)); l.endRow()
            for option in line.options {
                ids.modifier += 1
                let m = tables.modifiers
                m.int(ids.modifier); m.int(ids.line); m.int(option.id); m.text(option.name); m.int(option.deltaCents); m.endRow()
            }
        }
        if status == "completed", totals.totalCents > 0 {
            pay(orderID: orderID, totals: totals, day: day, localSeconds: localSeconds + random.int(30...300))
        }
    }
}
