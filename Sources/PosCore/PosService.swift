import FastCGI
import MariaDB
#if canImport(Glibc)
import Glibc
#endif

/// What a service provides; `ServiceMain` supplies everything else (pool, workers, database
/// connection per thread, health route, error mapping).
public protocol PosService: SendableMetatype {
    /// Short name: `user`, `menu`. Used for the health route, logs and the default DB account.
    static var name: String { get }
    static func registerRoutes(_ router: inout Router)
    /// A command other than `serve`/`worker` (e.g. `ensure-staff`); returns the exit code, or
    /// nil when the service has no such command.
    static func runCommand(_ arguments: [String], environment: ServiceEnvironment) throws -> Int32?
    /// Called once in each worker process before it serves: for threads of the service's own
    /// (none by default), each with its own database connection.
    static func startWorkerTasks(environment: ServiceEnvironment, logger: Logger)
}

extension PosService {
    public static func runCommand(_ arguments: [String], environment: ServiceEnvironment) throws -> Int32? { nil }
    public static func startWorkerTasks(environment: ServiceEnvironment, logger: Logger) {}
}

/// The entry point of every service executable:
/// `pos-<name> serve` runs the pool manager; it re-runs the executable as `worker` for each
/// worker process; any other command goes to the service's `runCommand`.
public enum ServiceMain {
    public static func run<Service: PosService>(_ service: Service.Type) -> Never {
        Logger.bootstrapJSON()
        let logger = Logger(label: Service.name)
        let arguments = Array(CommandLine.arguments.dropFirst())
        let environment: ServiceEnvironment
        do {
            environment = try ServiceEnvironment.fromProcess(service: Service.name)
        } catch {
            logger.error("bad configuration: \(error)")
            exit(2)
        }
        switch arguments.first {
        case "serve":
            logger.info("starting pool", [("socket", environment.socketPath), ("workers", String(environment.workers)),
                                          ("threads", String(environment.threads))])
            WorkerPool.run(PoolConfiguration(
                socketPath: environment.socketPath, socketGroup: environment.socketGroup,
                workers: environment.workers, pidFile: environment.pidFile,
                drainSeconds: environment.drainSeconds, workerArguments: ["worker"],
                processTitle: "pos-\(Service.name)", metricsDirectory: environment.metricsDirectory,
                metricsLabels: [("service", Service.name)], log: logger.poolSink))
        case "worker":
            runWorker(Service.self, environment: environment, logger: logger)
        default:
            do {
                if let code = try Service.runCommand(arguments, environment: environment) { exit(code) }
            } catch {
                logger.error("\(arguments.first ?? "command") failed: \(error)")
                exit(1)
            }
            logger.error("usage: pos-\(Service.name) serve")
            exit(2)
        }
    }

    private static func runWorker<Service: PosService>(_ service: Service.Type, environment: ServiceEnvironment,
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
                                                metrics: metrics, log: logger.poolSink)
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
