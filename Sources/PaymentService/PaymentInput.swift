import PosHTTP

/// The body of `POST /api/payments`, validated:
/// `{order_id, method, amount_cents, tendered_cents?, tip_cents?, reference?, till?}`.
///
/// - `amount_cents` 1…10 000 000, what goes against the order's balance.
/// - cash: `tendered_cents` ≥ `amount_cents` (absent means exact cash); change = tendered − amount.
///   A card payment must not carry `tendered_cents`.
/// - card: `reference` (the terminal's approval code, 1–64 characters) is required.
/// - `tip_cents` ≥ 0, default 0, kept apart from the amount (a cash tip is handed over in
///   addition to what was tendered for the amount).
/// - `till` names the cash drawer (default `main`); the payment joins that till's open shift.
struct PaymentInput: Sendable, Equatable {
    let orderID: Int
    let method: PaymentMethod
    let amountCents: Int
    let tipCents: Int
    /// Cash only: what the customer handed over for the amount.
    let tenderedCents: Int?
    let changeCents: Int
    let reference: String?
    let till: String

    /// Reads every field, recording each problem in `body`; nil when any field is invalid
    /// (then `body.finish()` throws the 422).
    static func read(_ body: inout JSONBody) -> PaymentInput? {
        let orderID = body.int("order_id", range: 1...Int(Int64.max))
        var method: PaymentMethod?
        if let text = body.string("method", length: 1...10) {
            method = PaymentMethod(rawValue: text)
            if method == nil { body.fail("method", "must be cash or card") }
        }
        let amount = body.int("amount_cents", range: PaymentRules.amountRange)
        let tendered = body.int("tendered_cents", required: false, range: PaymentRules.tenderedRange)
        let tip = body.int("tip_cents", required: false, range: PaymentRules.tipRange) ?? 0
        let reference = body.string("reference", required: false, length: 1...64)
        let till = Till.read(&body)

        var change = 0
        switch method {
        case .card:
            if tendered != nil {
                body.fail("tendered_cents", "applies to cash payments only")
            }
            if reference == nil && !body.errors.contains(where: { $0.field == "reference" }) {
                body.fail("reference", "is required for card payments (the terminal's approval code)")
            }
        case .cash:
            if let amount, let tendered {
                if let computed = PaymentRules.change(tenderedCents: tendered, amountCents: amount) {
                    change = computed
                } else {
                    body.fail("tendered_cents", "must be at least amount_cents (\(amount))")
                }
            }
        case nil:
            break
        }
        guard body.errors.isEmpty, let orderID, let method, let amount, let till else { return nil }
        return PaymentInput(orderID: orderID, method: method, amountCents: amount, tipCents: tip,
                            tenderedCents: method == .cash ? (tendered ?? amount) : nil, changeCents: change,
                            reference: reference, till: till)
    }
}
