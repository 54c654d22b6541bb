import MariaDB
import PosCore
import PosCoreTesting
import PosHTTP
import Testing
@testable import UserService

/// The user service's repositories against the real database, through its own account.
@Suite("Staff, tokens and login throttle in MariaDB")
struct AccountRepositoryTests {
    private func uniqueName(_ prefix: String) -> String {
        "\(prefix)_\(Secrets.base64URL(Secrets.randomBytes(6)).lowercased().filter { $0.isLetter || $0.isNumber })"
    }

    private func makeStaff(_ db: Connection, role: Role = .cashier) throws -> Staff {
        try StaffRepository(db: db).create(username: uniqueName("repo"), displayName: "Repo Test", role: role,
                                           passwordHash: try Secrets.hashPassword("password123"))
    }

    @Test func createdStaffIsFoundWithItsHashButListedWithout() throws {
        let db = try TestDatabase.connect(as: "pos_user")
        let staff = try makeStaff(db, role: .barista)
        let found = try #require(try StaffRepository(db: db).credentials(username: staff.username))
        #expect(found.staff.id == staff.id)
        #expect(found.staff.role == .barista)
        #expect(Secrets.verifyPassword("password123", against: found.passwordHash))
        #expect(staff.json["password_hash"] == nil)
        #expect(throws: HTTPError.self) {
            _ = try StaffRepository(db: db).create(username: staff.username, displayName: "Again", role: .cashier, passwordHash: "x")
        }
    }

    @Test func aTokenIdentifiesItsOwnerUntilRevoked() throws {
        let db = try TestDatabase.connect(as: "pos_user")
        let staff = try makeStaff(db)
        let tokens = TokenRepository(db: db)
        let issued = try tokens.issue(staffID: staff.id, lifetimeSeconds: 600)
        #expect(try tokens.identity(token: issued.token) == Identity(staffID: staff.id, username: staff.username, role: .cashier))
        #expect(try tokens.identity(token: Secrets.newToken()) == nil)
        // Only the digest is stored.
        let stored = try db.query("SELECT token_hash FROM auth_tokens WHERE staff_id = \(staff.id)")
        #expect(try stored.map { try $0.bytes("token_hash") } == [Secrets.sha256(issued.token)])
        try tokens.revoke(token: issued.token)
        #expect(try tokens.identity(token: issued.token) == nil)
    }

    @Test func deactivationAndRevokeAllEndEverySession() throws {
        let db = try TestDatabase.connect(as: "pos_user")
        let staff = try makeStaff(db)
        let tokens = TokenRepository(db: db)
        let first = try tokens.issue(staffID: staff.id, lifetimeSeconds: 600)
        let second = try tokens.issue(staffID: staff.id, lifetimeSeconds: 600)
        try StaffRepository(db: db).update(id: staff.id, displayName: nil, role: nil, active: false, passwordHash: nil)
        #expect(try tokens.identity(token: first.token) == nil)
        try StaffRepository(db: db).update(id: staff.id, displayName: nil, role: nil, active: true, passwordHash: nil)
        #expect(try tokens.identity(token: second.token) != nil)
        try tokens.revokeAll(staffID: staff.id)
        #expect(try tokens.identity(token: first.token) == nil)
        #expect(try tokens.identity(token: second.token) == nil)
    }

    @Test func expiredTokensDoNotIdentifyAnyone() throws {
        let db = try TestDatabase.connect(as: "pos_user")
        let staff = try makeStaff(db)
        let issued = try TokenRepository(db: db).issue(staffID: staff.id, lifetimeSeconds: 600)
        try db.execute("UPDATE auth_tokens SET expires_at = NOW() - INTERVAL 1 SECOND WHERE token_hash = \(Secrets.sha256(issued.token))")
        #expect(try TokenRepository(db: db).identity(token: issued.token) == nil)
    }

    @Test func fiveFailuresLockAUsernameKnownOrNot() throws {
        let db = try TestDatabase.connect(as: "pos_user")
        let throttle = LoginThrottle(db: db)
        let name = uniqueName("nobody")
        for attempt in 1...LoginThrottle.maxFailures {
            let locked = try db.transaction { try LoginThrottle(db: $0).recordFailure(username: name) }
            #expect(locked == (attempt == LoginThrottle.maxFailures))
        }
        let seconds = try #require(try throttle.lockedFor(username: name))
        #expect((1...LoginThrottle.lockSeconds).contains(seconds))
        try throttle.reset(username: name)
        #expect(try throttle.lockedFor(username: name) == nil)
    }
}
