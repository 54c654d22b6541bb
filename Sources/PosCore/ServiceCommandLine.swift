import ArgumentParser
import FastCGI
#if canImport(Glibc)
import Glibc
#endif

/// A subcommand of a service executable (`pos-order serve`, `pos-user ensure-staff`).
/// `ServiceMain` parses it, reads the service's settings from the environment with the
/// command's `environmentOverrides` in place of their variables, and calls `run`. A thrown
/// `ExitCode` ends the process with that code; any other error is logged and exits 1.
public protocol ServiceCommand: ParsableCommand {
    /// Settings given as options, keyed by the variable each replaces (`"POS_WORKERS": "3"`);
    /// none by default. Secrets are never options: they stay in the environment.
    var environmentOverrides: [String: String] { get }
    func run(environment: ServiceEnvironment, logger: Logger) throws
}

extension ServiceCommand {
    public var environmentOverrides: [String: String] { [:] }

    /// The settings this command runs with: `variables` with this command's options in their place.
    public func settings(service: String, from variables: ProcessEnvironment = ProcessEnvironment()) throws
        -> ServiceEnvironment {
        try ServiceEnvironment.read(service: service, from: variables.overriding(environmentOverrides))
    }
}

/// The root command of `pos-<service>`: `serve`, the hidden `worker`, and the service's own
/// `PosService.commands`, each with `--help`.
public struct ServiceCommandLine<Service: PosService>: ParsableCommand {
    public static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "pos-\(Service.name)",
            abstract: "The \(Service.name) service: a FastCGI pool behind nginx, and its maintenance commands.",
            discussion: """
                Settings come from the environment (README, "Configuration"); an option given on \
                the command line wins over its variable. Secrets are read from the environment only.
                """,
            subcommands: [ServeCommand<Service>.self, WorkerCommand<Service>.self]
                + Service.commands.map { $0 as ParsableCommand.Type })
    }

    public init() {}
}

/// `pos-<service> serve`: the pool manager (socket, workers, drain, reload on SIGHUP).
public struct ServeCommand<Service: PosService>: ServiceCommand {
    public static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "serve",
            abstract: "Run the pool manager: listen on the socket and keep the workers running.",
            discussion: """
                SIGHUP (or scripts/reload) starts new workers on the installed binary; SIGUSR1 (or \
                scripts/reopen-logs) reopens the log file; SIGTERM drains and stops.
                """)
    }

    @Option(help: ArgumentHelp("The FastCGI socket: a path, or host:port (POS_SERVICE_SOCKET).", valueName: "path"))
    public var socket: String?

    @Option(help: ArgumentHelp("Worker processes, 1…64 (POS_WORKERS, default 2).", valueName: "n"))
    public var workers: Int?

    @Option(help: ArgumentHelp("Request threads per worker, 1…64 (POS_THREADS, default 4).", valueName: "n"))
    public var threads: Int?

    @Option(help: ArgumentHelp("Where the manager writes its pid (POS_PID_FILE).", valueName: "path"))
    public var pidFile: String?

    @Option(help: ArgumentHelp(
        "The log file, appended to and reopened on SIGUSR1 (POS_LOG_FILE; default: standard output and error).",
        valueName: "path"))
    public var logFile: String?

    public init() {}

    public func validate() throws {
        for (name, value) in [("--workers", workers), ("--threads", threads)] {
            if let value, !(1...64).contains(value) { throw ValidationError("\(name) must be in 1…64") }
        }
        if socket?.isEmpty == true { throw ValidationError("--socket must not be empty") }
        if logFile?.isEmpty == true { throw ValidationError("--log-file must not be empty") }
    }

    public var environmentOverrides: [String: String] {
        var values: [String: String] = [:]
        values["POS_SERVICE_SOCKET"] = socket
        values["POS_WORKERS"] = workers.map(String.init)
        values["POS_THREADS"] = threads.map(String.init)
        values["POS_PID_FILE"] = pidFile
        values["POS_LOG_FILE"] = logFile
        return values
    }

    public func run(environment: ServiceEnvironment, logger: Logger) throws {
        // Workers, also those a reload starts, inherit the manager's environment and read their
        // settings from it: exported here, the options reach every one of them.
        for (name, value) in environmentOverrides { setenv(name, value, 1) }
        // Before the first line, so the whole pool's log is in the file; workers inherit it.
        if let logFile = environment.logFile { try LogFile(path: logFile).redirectStandardStreams() }
        logger.info("starting pool", [("socket", environment.socketPath), ("workers", String(environment.workers)),
                                      ("threads", String(environment.threads))])
        WorkerPool.run(PoolConfiguration(
            socketPath: environment.socketPath, socketGroup: environment.socketGroup,
            workers: environment.workers, pidFile: environment.pidFile,
            drainSeconds: environment.drainSeconds, workerArguments: ["worker"],
            processTitle: "pos-\(Service.name)", metricsDirectory: environment.metricsDirectory,
            metricsLabels: [("service", Service.name)], logFile: environment.logFile, log: logger.poolSink))
    }
}

/// `pos-<service> worker [slot]`: one worker process, started by `serve` with the socket and a
/// readiness pipe as inherited descriptors; not for people, so hidden from `--help`.
public struct WorkerCommand<Service: PosService>: ServiceCommand {
    public static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "worker", abstract: "A worker process (started by serve).",
                             shouldDisplay: false)
    }

    /// The manager's slot number (1…workers), shown by `ps` only.
    @Argument(help: "The worker's slot, as the manager numbers it.")
    public var slot: Int?

    public init() {}

    public func run(environment: ServiceEnvironment, logger: Logger) throws {
        ServiceMain.runWorker(Service.self, environment: environment, logger: logger)
    }
}
