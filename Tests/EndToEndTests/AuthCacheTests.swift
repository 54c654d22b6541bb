import Foundation
#if canImport(Glibc)
import Glibc
#endif
import PosCoreTesting
import PosHTTP
import Testing

/// nginx caches token checks on disk (gateway.conf, /_auth) and writes each cache key in plain
/// text into its file: the key must not be the token.
@Suite("Bearer tokens never reach the disk")
struct AuthCacheTests {
    @Test("After a token is used, no file of the stack holds it: cache, logs, database")
    func tokenIsNowhereOnDisk() async throws {
        let cashier = try await StaffFixtures.newSession(.cashier)
        for _ in 1...3 {
            try await GatewayClient.shared.send("GET", "/api/auth/me", token: cashier.token)
                .expecting(200, "the token works on a protected route")
        }

        let holders = StackFiles.containing(Array(cashier.token.utf8))

        #expect(holders.isEmpty, "the token is in plain text in \(holders)")
    }
}

/// Every regular file under the stack's var dir: the nginx cache, logs, the MariaDB data.
enum StackFiles {
    /// The paths of the files that contain `needle`. Files that vanish meanwhile (nginx expires
    /// cache entries) or cannot be read are skipped.
    static func containing(_ needle: [UInt8]) -> [String] {
        let root = TestEnvironment.varDirectory
        guard let walker = FileManager.default.enumerator(atPath: root) else { return [] }
        var holders: [String] = []
        while let relative = walker.nextObject() as? String {
            let path = root + "/" + relative
            guard (walker.fileAttributes?[.type] as? FileAttributeType) == .typeRegular,
                  let data = try? Data(contentsOf: URL(fileURLWithPath: path), options: .alwaysMapped) else { continue }
            if data.withUnsafeBytes({ contains($0, needle) }) { holders.append(relative) }
        }
        return holders
    }

    /// memchr to each candidate first byte, memcmp for the rest (glibc's memmem is not
    /// visible to Swift): fast enough for the ~100 MB of a test stack.
    private static func contains(_ haystack: UnsafeRawBufferPointer, _ needle: [UInt8]) -> Bool {
        guard let base = haystack.baseAddress, let first = needle.first, haystack.count >= needle.count else { return false }
        var offset = 0
        let last = haystack.count - needle.count
        while offset <= last {
            guard let hit = memchr(base + offset, Int32(first), last - offset + 1) else { return false }
            let position = base.distance(to: UnsafeRawPointer(hit))
            if memcmp(hit, needle, needle.count) == 0 { return true }
            offset = position + 1
        }
        return false
    }
}
