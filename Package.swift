// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "CafePOS",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "pos-user", targets: ["pos-user"]),
        .executable(name: "pos-menu", targets: ["pos-menu"]),
        .executable(name: "pos-order", targets: ["pos-order"]),
        .executable(name: "pos-payment", targets: ["pos-payment"]),
        .executable(name: "pos-guest", targets: ["pos-guest"]),
        .executable(name: "pos-report", targets: ["pos-report"]),
        .executable(name: "pos-generate-sales", targets: ["pos-generate-sales"]),
    ],
    dependencies: [
        // Metrics: the swift-metrics API in the services, a Prometheus registry per process.
        .package(url: "https://github.com/apple/swift-metrics.git", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
        // Logging: the swift-log API, a JSON handler of our own (PosCore/JSONLogHandler).
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        // Command line: `pos-<service> serve|worker|<the service's own commands>` with --help.
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        // C libraries from Debian, each imported by exactly one Swift module.
        .systemLibrary(name: "CFastCGI", pkgConfig: "fcgi", providers: [.apt(["libfcgi-dev"])]),
        .systemLibrary(name: "CMariaDB", pkgConfig: "libmariadb", providers: [.apt(["libmariadb-dev"])]),
        .systemLibrary(name: "CSodium", pkgConfig: "libsodium", providers: [.apt(["libsodium-dev"])]),
        .systemLibrary(name: "CQRencode", pkgConfig: "libqrencode", providers: [.apt(["libqrencode-dev"])]),
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),

        .target(name: "FastCGI", dependencies: ["CFastCGI", .product(name: "Prometheus", package: "swift-prometheus")]),
        .target(name: "MariaDB", dependencies: ["CMariaDB", .product(name: "Metrics", package: "swift-metrics")]),
        .target(name: "QRCode", dependencies: ["CQRencode"]),
        // Pure modules: Swift and Foundation only, no C library beneath them (the graph below is
        // the guarantee: a module cannot import what it does not depend on).
        .target(name: "PosMoney"),
        .target(name: "PosHTTP"),
        // The service runtime on the pure modules and the C wrappers.
        .target(name: "PosCore", dependencies: ["PosHTTP", "PosMoney", "FastCGI", "MariaDB", "CSodium",
                                                .product(name: "Metrics", package: "swift-metrics"),
                                                .product(name: "Prometheus", package: "swift-prometheus"),
                                                .product(name: "Logging", package: "swift-log"),
                                                .product(name: "ArgumentParser", package: "swift-argument-parser")]),
        .target(name: "PosCoreTesting", dependencies: ["PosHTTP", "MariaDB"]),

        .target(name: "UserService", dependencies: ["PosCore", "PosHTTP", "MariaDB",
                                                  .product(name: "ArgumentParser", package: "swift-argument-parser")]),
        .target(name: "MenuService", dependencies: ["PosCore", "PosHTTP", "MariaDB", "CZlib"]),
        .executableTarget(name: "pos-user", dependencies: ["UserService", "PosCore"]),
        .target(name: "OrderService", dependencies: ["PosCore", "PosHTTP", "PosMoney", "MariaDB",
                                                   .product(name: "ArgumentParser", package: "swift-argument-parser")]),
        .executableTarget(name: "pos-menu", dependencies: ["MenuService", "PosCore"]),
        .executableTarget(name: "pos-order", dependencies: ["OrderService", "PosCore"]),
        .target(name: "PaymentService", dependencies: ["PosCore", "PosHTTP", "PosMoney", "MariaDB",
                                                     .product(name: "ArgumentParser", package: "swift-argument-parser")]),
        .executableTarget(name: "pos-payment", dependencies: ["PaymentService", "PosCore"]),
        .target(name: "GuestService", dependencies: ["PosCore", "PosHTTP", "PosMoney", "MariaDB", "QRCode"]),
        .executableTarget(name: "pos-guest", dependencies: ["GuestService", "PosCore"]),
        .target(name: "ReportService", dependencies: ["PosCore", "PosHTTP", "PosMoney", "MariaDB"]),
        .executableTarget(name: "pos-report", dependencies: ["ReportService", "PosCore"]),
        // A year of sales for the report benchmark (scripts/generate-sales), priced by PosMoney.
        .target(name: "SalesGenerator", dependencies: ["PosMoney"]),
        .executableTarget(name: "pos-generate-sales", dependencies: ["SalesGenerator", "PosCore", "PosMoney",
                                                                  .product(name: "ArgumentParser", package: "swift-argument-parser")]),

        // SalesGenerator for its SeededRandom (SplitMix64): it too depends on PosMoney alone.
        .testTarget(name: "PosMoneyTests", dependencies: ["PosMoney", "SalesGenerator"]),
        .testTarget(name: "PosHTTPTests", dependencies: ["PosHTTP"]),
        .testTarget(name: "PosCoreTests", dependencies: ["PosCore", "PosHTTP", "PosMoney", "PosCoreTesting", "MariaDB", "FastCGI",
                                                     .product(name: "ArgumentParser", package: "swift-argument-parser")]),
        .testTarget(name: "MariaDBTests", dependencies: ["MariaDB", "PosCoreTesting"]),
        .testTarget(name: "UserServiceTests", dependencies: ["UserService", "PosCore", "PosHTTP", "MariaDB", "PosCoreTesting"]),
        .testTarget(name: "MenuServiceTests", dependencies: ["MenuService", "PosHTTP"]),
        .testTarget(name: "OrderServiceTests", dependencies: ["OrderService", "MariaDB"]),
        .testTarget(name: "PaymentServiceTests", dependencies: ["PaymentService", "PosHTTP"]),
        .testTarget(name: "QRCodeTests", dependencies: ["QRCode"]),
        .testTarget(name: "GuestServiceTests", dependencies: ["GuestService"]),
        .testTarget(name: "EndToEndTests", dependencies: ["PosCore", "PosHTTP", "PosMoney", "PosCoreTesting", "MariaDB", "UserService", "MenuService",
                                                          "OrderService", "PaymentService", "GuestService", "ReportService"]),
        .testTarget(name: "PoolLifecycleTests", dependencies: ["PosCoreTesting", "PosHTTP"]),
        .testTarget(name: "FastCGITests", dependencies: ["FastCGI"]),
    ]
)

// Strict settings, once, for every Swift target.
for target in package.targets where target.type != .system {
    target.swiftSettings = (target.swiftSettings ?? []) + [.swiftLanguageMode(.v6)]
}
