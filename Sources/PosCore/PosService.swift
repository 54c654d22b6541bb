import ArgumentParser
import FastCGI
import MariaDB
import PosHTTP
#if canImport(Glibc)
import Glibc
#endif

/// What a service provides; `ServiceMain` supplies everything else (pool, workers, database
/// connection per thread, health route, error mapping, the command line).
public protocol PosService: SendableMetatype {
    /// Short name: `user`, `menu`. Used for the health route, logs and the default DB account.
    static var name: String { get }
    static func registerRoutes(_ router: inout Router)
    /// The service's own commands beside `serve` and `worker` (e.g. `ensure-staff`); none by default.
    static var commands: [any ServiceCommand.Type] { get }
    /// Called once in each worker process before it serves: for threads of the service's own
    /// (none by default), each with its own database connection.
    static func startWorkerTasks(environment: ServiceEnvironment, logger: Logger)
}

extension PosService {
    public static var commands: [any ServiceCommand.Type] { [] }
    public static func startWorkerTasks(environment: ServiceEnvironment, logger: Logger) {}
}

/// The entry point of every service executable, `pos-<name>` (see `ServiceCommandLine`):
/// `serve` runs the pool manager, which re-runs the executable as `worker` for each worker
/// process; the service's own commands run once and exit. `--help` at any level; a usage error
/// exits 64, bad settings 2, a failed command 1.
public enum ServiceMain {
    public static func run<Service: PosService>(_ service: Service.Type) -> Never {
        Logger.bootstrapJSON()
        let logger = Logger(label: Service.name)
        let command: any ServiceCommand
        do {
            let parsed = try ServiceCommandLine<Service>.parseAsRoot(Array(CommandLine.arguments.dropFirst()))
            if let serviceCommand = parsed as? any ServiceCommand {
                command = serviceCommand
            } else if parsed is ServiceCommandLine<Service> {
                // The root alone names no command: a usage error, as `serve` is never implied.
                throw ValidationError("name a command: serve, or one of the others in --help")
            } else {
                // The parser's own commands (`--help`, `help serve`) print and exit.
                var builtIn = parsed
                try builtIn.run()
                exit(0)
            }
        } catch {
            ServiceCommandLine<Service>.exit(withError: error)
        }
        let environment: ServiceEnvironment
        do {
            environment = try command.settings(service: Service.name)
        } catch {
            logger.error("bad configuration: \(error)")
            exit(2)
        }
        do {
            try command.run(environment: environment, logger: logger)
            exit(0)
        } catch let code as ExitCode {
            exit(code.rawValue)
        } catch {
            logger.error("\(type(of: command).configuration.commandName ?? "command") failed: \(error)")
            exit(1)
        }
    }

    static func runWorker<Service: PosService>(_ service: Service.Type, environment: ServiceEnvironment,
                                               logger: Logger) -> Never {
        guard let fdText = ProcessEnvironment()[listenFDEnvironmentKey], let listenFD = Int32(fdText) else {
            logger.error("worker started without \(listenFDEnvironmentKey); run `serve` instead")
            exit(2)
        }
        MariaDBLibrary.initialise()
        let readyFD = ProcessEnvironment()[readyFDEnvironmentKey].flatMap { Int32($0) }
        let metrics = ServiceMetrics.bootstrap(service: Service.name, directory: environment.metricsDirectory)
        Service.startWorkerTasks(environment: environment, logger: logger)
        let configuration = WorkerConfiguration(listenFD: listenFD, threads: environment.threads,
                                                maxBodyBytes: ServiceEnvironment.maxBodyBytes,
                                                drainSeconds: environment.drainSeconds, readyFD: readyFD,
                                                metrics: metrics, logFile: environment.logFile, log: logger.poolSink)
        FastCGIWorker.run(configuration) {
            // A worker must come up while the database is down, or the pool would crash-loop and
            // nginx would answer 502 instead of the services' 503 until it is back.
            let connection = Connection(connectingLazily: environment.database)
            var router = Router()
            Service.registerRoutes(&router)
            HealthRoute.register(&router, service: Service.name)
            MetricsRoute.register(&router, service: Service.name, metrics: metrics)
            let dispatcher = RequestDispatcher(
                router: router, context: RequestContext(db: connection, environment: environment, logger: logger))
            return dispatcher.handle
        }
    }
}
