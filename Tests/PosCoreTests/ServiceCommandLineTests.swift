import ArgumentParser
import Testing
import PosCore

/// A service with one command of its own, as UserService has `ensure-staff`.
private enum SampleService: PosService {
    static let name = "sample"
    static func registerRoutes(_ router: inout Router) {}
    static var commands: [any ServiceCommand.Type] { [SampleCommand.self] }
}

private struct SampleCommand: ServiceCommand {
    static let configuration = CommandConfiguration(commandName: "tidy-up", abstract: "A sample maintenance command.")
    func run(environment: ServiceEnvironment, logger: Logger) throws {}
}

private typealias CommandLine = ServiceCommandLine<SampleService>

/// `pos-<service>` as `ServiceMain` parses it: the command, then the settings it runs with.
@Suite("The services' command line")
struct ServiceCommandLineTests {
    private let variables = ProcessEnvironment(["POS_WORKERS": "2", "POS_THREADS": "5",
                                                "POS_SERVICE_SOCKET": "/run/cafe-pos/sample.sock"])

    private func settings(_ arguments: [String]) throws -> ServiceEnvironment {
        let command = try #require(try CommandLine.parseAsRoot(arguments) as? any ServiceCommand)
        return try command.settings(service: SampleService.name, from: variables)
    }

    private func exitCode(_ arguments: [String]) -> ExitCode? {
        do {
            _ = try CommandLine.parseAsRoot(arguments)
            return nil
        } catch {
            return CommandLine.exitCode(for: error)
        }
    }

    @Test("serve --workers 3 wins over POS_WORKERS=2; what is not given stays as the environment says")
    func optionWinsOverVariable() throws {
        let environment = try settings(["serve", "--workers", "3"])
        #expect(environment.workers == 3)
        #expect(environment.threads == 5)
        #expect(environment.socketPath == "/run/cafe-pos/sample.sock")
        #expect(environment.pidFile == nil)
        #expect(environment.logFile == nil, "no log file: standard output and error, as before")
    }

    @Test("serve without options runs on the environment's settings")
    func serveAlone() throws {
        let environment = try settings(["serve"])
        #expect(environment.workers == 2)
        #expect(environment.threads == 5)
    }

    @Test("--socket, --threads, --pid-file and --log-file replace their variables, and are exported as them for the workers")
    func everyOverride() throws {
        let arguments = ["serve", "--socket", "/tmp/s.sock", "--threads", "7", "--pid-file", "/tmp/s.pid",
                         "--log-file", "/tmp/s.log"]
        let environment = try settings(arguments)
        #expect(environment.socketPath == "/tmp/s.sock")
        #expect(environment.threads == 7)
        #expect(environment.pidFile == "/tmp/s.pid")
        #expect(environment.logFile == "/tmp/s.log")
        let serve = try #require(try CommandLine.parseAsRoot(arguments) as? ServeCommand<SampleService>)
        #expect(serve.environmentOverrides == ["POS_SERVICE_SOCKET": "/tmp/s.sock", "POS_THREADS": "7",
                                               "POS_PID_FILE": "/tmp/s.pid", "POS_LOG_FILE": "/tmp/s.log"])
    }

    @Test("the manager's own arguments for a worker, `worker N`, still parse")
    func workerArguments() throws {
        let worker = try #require(try CommandLine.parseAsRoot(["worker", "2"]) as? WorkerCommand<SampleService>)
        #expect(worker.slot == 2)
    }

    @Test("the service's own commands are subcommands")
    func serviceCommand() throws {
        #expect(try CommandLine.parseAsRoot(["tidy-up"]) is SampleCommand)
    }

    @Test("an unknown option or command, or a value out of range, is a usage error (exit 64)",
          arguments: [["serve", "--bogus"], ["serve", "--workers", "0"], ["serve", "--threads", "many"],
                      ["serve", "--password", "x"], ["serve", "--log-file", ""], ["frobnicate"]])
    func usageErrors(_ arguments: [String]) {
        #expect(exitCode(arguments) == .validationFailure)
    }

    @Test("--help lists serve and the service's commands, not the internal worker; serve's lists its options")
    func help() {
        let root = CommandLine.helpMessage()
        #expect(root.contains("USAGE: pos-sample <subcommand>"))
        #expect(root.contains("serve"))
        #expect(root.contains("tidy-up"))
        #expect(!root.contains("\n  worker "))
        let serve = CommandLine.helpMessage(for: ServeCommand<SampleService>.self)
        for text in ["--socket", "POS_SERVICE_SOCKET", "--workers", "POS_WORKERS", "--threads", "POS_THREADS",
                     "--pid-file", "POS_PID_FILE", "--log-file", "POS_LOG_FILE"] {
            #expect(serve.contains(text), "serve --help lacks \(text)")
        }
    }
}
