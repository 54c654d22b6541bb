import PosHTTP

/// The fields of a staff create or update request, validated.
struct StaffInput {
    var username: String?
    var displayName: String?
    var role: Role?
    var active: Bool?
    var password: String?

    static func forCreate(_ body: inout JSONBody) -> StaffInput {
        var input = StaffInput()
        input.username = body.string("username", length: Staff.usernameLength, allowed: Staff.usernameCharacters)
        input.displayName = body.string("display_name", length: Staff.displayNameLength)
        input.role = role(&body, required: true)
        input.password = body.string("password", length: Staff.passwordLength, rule: .secret, trim: false)
        return input
    }

    static func forUpdate(_ body: inout JSONBody) -> StaffInput {
        var input = StaffInput()
        input.displayName = body.string("display_name", required: false, length: Staff.displayNameLength)
        input.role = role(&body, required: false)
        input.active = body.bool("active", required: false)
        input.password = body.string("password", required: false, length: Staff.passwordLength, rule: .secret, trim: false)
        return input
    }

    private static func role(_ body: inout JSONBody, required: Bool) -> Role? {
        guard let text = body.string("role", required: required, length: 1...20) else { return nil }
        guard let role = Role(rawValue: text) else {
            body.fail("role", "must be one of admin, manager, cashier, barista")
            return nil
        }
        return role
    }
}
