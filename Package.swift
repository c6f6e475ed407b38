// swift-tools-version: 6.1
import PackageDescription

let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
]

let package = Package(
    name: "ParkOS",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "parkos", targets: ["parkos"]),
        .library(name: "ParkDomain", targets: ["ParkDomain"]),
        .library(name: "ParkStore", targets: ["ParkStore"]),
        // For the benchmarks (the leadership page from the database).
        .library(name: "ParkServer", targets: ["ParkServer"]),
    ],
    dependencies: [
        .package(url: "https://github.com/vapor/vapor.git", exact: "4.122.3"),
        .package(url: "https://github.com/vapor/fluent.git", exact: "4.13.0"),
        .package(url: "https://github.com/vapor/fluent-kit.git", exact: "1.57.0"),
        .package(url: "https://github.com/vapor/fluent-sqlite-driver.git", exact: "4.9.0"),
        .package(url: "https://github.com/vapor/fluent-postgres-driver.git", exact: "2.14.0"),
        .package(url: "https://github.com/vapor/sql-kit.git", exact: "3.36.0"),
        .package(url: "https://github.com/apple/swift-openapi-generator.git", exact: "1.14.3"),
        .package(url: "https://github.com/apple/swift-openapi-runtime.git", exact: "1.13.4"),
        .package(url: "https://github.com/vapor/swift-openapi-vapor.git", exact: "1.2.0"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", exact: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log.git", exact: "1.16.2"),
        .package(url: "https://github.com/apple/swift-crypto.git", exact: "3.12.3"),
        .package(url: "https://github.com/x-sheep/swift-property-based.git", exact: "2.0.1"),
        // The .xlsx container of the board pack (the OOXML parts are written by hand).
        .package(url: "https://github.com/weichsel/ZIPFoundation.git", exact: "0.9.20"),
    ],
    targets: [
        // Pure domain: value types, codes, rules, engines. Foundation only.
        .target(name: "ParkDomain", swiftSettings: swiftSettings),
        // Persistence: Fluent models, migrations, repositories, audit chain.
        .target(
            name: "ParkStore",
            dependencies: [
                "ParkDomain",
                .product(name: "FluentKit", package: "fluent-kit"),
                .product(name: "Fluent", package: "fluent"),
                .product(name: "FluentSQLiteDriver", package: "fluent-sqlite-driver"),
                .product(name: "FluentPostgresDriver", package: "fluent-postgres-driver"),
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: swiftSettings
        ),
        // Spec-first JSON API: types and server protocol generated from openapi.yaml.
        .target(
            name: "ParkAPI",
            dependencies: [
                .product(name: "OpenAPIRuntime", package: "swift-openapi-runtime"),
            ],
            resources: [.copy("openapi.yaml")],
            swiftSettings: swiftSettings,
            plugins: [.plugin(name: "OpenAPIGenerator", package: "swift-openapi-generator")]
        ),
        // Vapor application: configuration, API handlers, console pages, auth, i18n.
        .target(
            name: "ParkServer",
            dependencies: [
                "ParkDomain", "ParkStore", "ParkAPI",
                .product(name: "Vapor", package: "vapor"),
                .product(name: "Fluent", package: "fluent"),
                .product(name: "OpenAPIRuntime", package: "swift-openapi-runtime"),
                .product(name: "OpenAPIVapor", package: "swift-openapi-vapor"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            resources: [.copy("Console/Land/BaseMap/sip-basemap.geojson")],
            swiftSettings: swiftSettings
        ),
        // Command-line commands (a library so tests can drive them).
        .target(
            name: "ParkCLI",
            dependencies: [
                "ParkDomain", "ParkStore", "ParkServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        .executableTarget(name: "parkos", dependencies: ["ParkCLI", .product(name: "ArgumentParser", package: "swift-argument-parser")], swiftSettings: swiftSettings),

        .testTarget(name: "ParkDomainTests", dependencies: ["ParkDomain", .product(name: "PropertyBased", package: "swift-property-based")],
                    swiftSettings: swiftSettings),
        // Assertions shared by the test targets below (async versions of XCTest's).
        .target(name: "ParkTestSupport", path: "Tests/ParkTestSupport", swiftSettings: swiftSettings),
        .testTarget(
            name: "ParkStoreTests",
            dependencies: ["ParkStore", "ParkDomain", "ParkTestSupport"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "ParkServerTests",
            dependencies: [
                "ParkServer", "ParkStore", "ParkDomain", "ParkTestSupport",
                .product(name: "XCTVapor", package: "vapor"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(name: "ParkCLITests", dependencies: ["ParkCLI", "ParkStore", "ParkTestSupport"], swiftSettings: swiftSettings),
    ]
)
