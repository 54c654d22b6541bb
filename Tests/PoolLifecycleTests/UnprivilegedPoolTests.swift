import Foundation
import PosCoreTesting
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Every pool runs as its own system user (`cafe-pos-<service>`), never root, under scripts/up
/// as on an installed box: a compromised worker reads no other pool's database password, no
/// secret file, no MariaDB data, and is not MariaDB's root.
@Suite("Pools run as their own unprivileged users")
struct UnprivilegedPoolTests {
    static let services = ["user", "menu", "order", "payment", "guest", "report"]
    var varDirectory: String { TestEnvironment.varDirectory }

    @Test("Manager and workers of every pool run as cafe-pos-<service>, with no capabilities",
          arguments: services)
    func poolUser(service: String) throws {
        let pool = ServicePool(name: service)
        let manager = try pool.managerPID()
        let expected = try #require(getpwnam("cafe-pos-\(service)")?.pointee.pw_uid, "no user cafe-pos-\(service)")
        let processes = [manager] + pool.workers(of: manager).sorted()
        #expect(processes.count > 1, "the \(service) pool has workers")

        for pid in processes {
            let status = try #require(Proc.read("/proc/\(pid)/status"), "pid \(pid)")
            // Uid: real, effective, saved, filesystem — all four the service's user.
            #expect(field("Uid", of: status) == Array(repeating: String(expected), count: 4), "\(Proc.commandLine(pid))")
            #expect(field("CapEff", of: status) == ["0000000000000000"], "\(Proc.commandLine(pid))")
            #expect(field("NoNewPrivs", of: status) == ["1"], "\(Proc.commandLine(pid))")
        }
    }

    @Test("The secrets, the MariaDB data and configuration are root's alone")
    func fileModes() throws {
        #expect(try mode(of: "\(varDirectory)/secrets") == (0o700, 0))
        for file in try FileManager.default.contentsOfDirectory(atPath: "\(varDirectory)/secrets") {
            #expect(try mode(of: "\(varDirectory)/secrets/\(file)") == (0o600, 0), "secrets/\(file)")
        }
        #expect(try mode(of: "\(varDirectory)/mariadb") == (0o711, 0), "only passing through to the socket")
        #expect(try mode(of: "\(varDirectory)/mariadb/data") == (0o700, 0))
        #expect(try mode(of: "\(varDirectory)/mariadb/binlog") == (0o700, 0))
        #expect(try mode(of: "\(varDirectory)/mariadb/my.cnf") == (0o600, 0))
        for service in Self.services {
            let folder = "\(varDirectory)/run/\(service)"
            let owner = try #require(getpwnam("cafe-pos-\(service)")?.pointee.pw_uid)
            #expect(try mode(of: folder) == (0o750, owner), "run/\(service) is the pool's own")
        }
    }

    @Test("As the order pool's user: no other pool's environment, no secret, no MariaDB root, no data")
    func whatAPoolCannotDo() async throws {
        let payment = try ServicePool(name: "payment").managerPID()
        let socket = TestEnvironment.databaseSocket
        let refused = [
            "cat /proc/\(payment)/environ",
            "cat \(varDirectory)/secrets/admin-password",
            "ls \(varDirectory)/mariadb/data",
            "mariadb --no-defaults --socket=\(socket) --user=root -e 'SELECT 1'",
            "touch \(varDirectory)/run/payment/payment.sock.forged",
        ]
        for command in refused {
            let status = try await asUser("cafe-pos-order", command)
            #expect(status != 0, "cafe-pos-order could: \(command)")
        }
        // What it needs still works: its own database account through the socket's path.
        #expect(try await asUser("cafe-pos-order", "test -S \(socket)") == 0)
    }

    private func asUser(_ user: String, _ command: String) async throws -> Int32 {
        try await Script.run("/usr/sbin/runuser", ["-u", user, "--", "/bin/sh", "-c", "\(command) >/dev/null 2>&1"])
    }

    private func field(_ name: String, of status: String) -> [String] {
        let line = status.split(separator: "\n").first { $0.hasPrefix("\(name):") } ?? ""
        return line.dropFirst(name.count + 1).split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
    }

    private func mode(of path: String) throws -> (Int, UInt32) {
        var info = stat()
        guard stat(path, &info) == 0 else { throw PoolError("cannot stat \(path)") }
        return (Int(info.st_mode) & 0o7777, info.st_uid)
    }
}
