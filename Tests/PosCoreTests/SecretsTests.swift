import Testing
@testable import PosCore

@Suite("Passwords and tokens")
struct SecretsTests {
    @Test func passwordsHashWithArgon2idAndVerify() throws {
        let hash = try Secrets.hashPassword("correct horse")
        #expect(hash.hasPrefix("$argon2id$"))
        #expect(Secrets.verifyPassword("correct horse", against: hash))
        #expect(!Secrets.verifyPassword("correct horsE", against: hash))
        #expect(!Secrets.verifyPassword("", against: hash))
    }

    @Test func samePasswordGetsDifferentSalts() throws {
        #expect(try Secrets.hashPassword("pw12345678") != Secrets.hashPassword("pw12345678"))
    }

    @Test func tokensAre256BitsOfURLSafeText() {
        let tokens = (0..<100).map { _ in Secrets.newToken() }
        #expect(Set(tokens).count == 100)
        let allowed = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")
        #expect(tokens.allSatisfy { $0.count == 43 && $0.allSatisfy(allowed.contains) })
    }

    @Test func digestsAreSHA256() {
        // SHA-256("abc") from FIPS 180-2.
        let hex = Secrets.sha256("abc").map { String($0, radix: 16).count == 1 ? "0" + String($0, radix: 16) : String($0, radix: 16) }.joined()
        #expect(hex == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }

    @Test func constantTimeComparison() {
        #expect(Secrets.constantTimeEquals([1, 2, 3], [1, 2, 3]))
        #expect(!Secrets.constantTimeEquals([1, 2, 3], [1, 2, 4]))
        #expect(!Secrets.constantTimeEquals([1, 2, 3], [1, 2]))
    }

    @Test func base64URLMatchesRFC4648Vectors() {
        #expect(Secrets.base64URL(Array("f".utf8)) == "Zg")
        #expect(Secrets.base64URL(Array("fo".utf8)) == "Zm8")
        #expect(Secrets.base64URL(Array("foo".utf8)) == "Zm9v")
        #expect(Secrets.base64URL([0xfb, 0xff]) == "-_8")
    }
}
