import CSodium
import PosMoney

/// Password hashing, random tokens, digests and constant-time comparison, all from libsodium.
public enum Secrets {
    private static let ready: Bool = { sodium_init() >= 0 }()

    /// Argon2id parameters: 2 passes over 19 MiB (OWASP's recommended minimum for Argon2id);
    /// roughly 30–60 ms per hash on this machine.
    static let opsLimit: UInt64 = 2
    static let memLimit: Int = 19 * 1024 * 1024

    /// Argon2id hash in the self-describing encoded form (parameters and salt included).
    public static func hashPassword(_ password: String) throws -> String {
        precondition(ready, "libsodium failed to initialise")
        var output = [CChar](repeating: 0, count: Int(crypto_pwhash_STRBYTES))
        let length = UInt64(password.utf8.count)
        let status = password.withCString { chars in
            crypto_pwhash_str_alg(&output, chars, length, opsLimit, memLimit, crypto_pwhash_ALG_ARGON2ID13)
        }
        guard status == 0 else { throw ConfigurationError(message: "crypto_pwhash_str_alg failed (out of memory)") }
        return String(decoding: output.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// True when `password` matches `encodedHash`. Comparison is libsodium's, constant time.
    public static func verifyPassword(_ password: String, against encodedHash: String) -> Bool {
        precondition(ready, "libsodium failed to initialise")
        let length = UInt64(password.utf8.count)
        return encodedHash.withCString { hash in
            password.withCString { chars in crypto_pwhash_str_verify(hash, chars, length) == 0 }
        }
    }

    /// `count` bytes from the kernel's CSPRNG.
    public static func randomBytes(_ count: Int) -> [UInt8] {
        precondition(ready, "libsodium failed to initialise")
        var bytes = [UInt8](repeating: 0, count: count)
        randombytes_buf(&bytes, count)
        return bytes
    }

    /// A bearer token: 256 random bits, URL-safe base64 without padding (43 characters).
    public static func newToken() -> String {
        base64URL(randomBytes(32))
    }

    public static func sha256(_ text: String) -> [UInt8] {
        sha256(bytes: Array(text.utf8))
    }

    public static func sha256(bytes: [UInt8]) -> [UInt8] {
        var digest = [UInt8](repeating: 0, count: Int(crypto_hash_sha256_BYTES))
        crypto_hash_sha256(&digest, bytes, UInt64(bytes.count))
        return digest
    }

    /// True when `text` has the shape of a token from `newToken()`: 43 URL-safe base64 characters.
    public static func isTokenShaped(_ text: some StringProtocol) -> Bool {
        text.utf8.count == 43 && text.utf8.allSatisfy { byte in
            (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39)
                || byte == 0x2D || byte == 0x5F
        }
    }

    /// Compares in time that depends only on the length, never on where the bytes differ.
    public static func constantTimeEquals(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        guard a.count == b.count else { return false }
        if a.isEmpty { return true }
        return sodium_memcmp(a, b, a.count) == 0
    }

    public static func base64URL(_ bytes: [UInt8]) -> String {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".utf8)
        var output: [UInt8] = []
        var index = 0
        while index + 3 <= bytes.count {
            let n = Int(bytes[index]) << 16 | Int(bytes[index + 1]) << 8 | Int(bytes[index + 2])
            output += [alphabet[n >> 18 & 63], alphabet[n >> 12 & 63], alphabet[n >> 6 & 63], alphabet[n & 63]]
            index += 3
        }
        let rest = bytes.count - index
        if rest == 1 {
            let n = Int(bytes[index]) << 16
            output += [alphabet[n >> 18 & 63], alphabet[n >> 12 & 63]]
        } else if rest == 2 {
            let n = Int(bytes[index]) << 16 | Int(bytes[index + 1]) << 8
            output += [alphabet[n >> 18 & 63], alphabet[n >> 12 & 63], alphabet[n >> 6 & 63]]
        }
        return String(decoding: output, as: UTF8.self)
    }
}
