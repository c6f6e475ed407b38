// swift-tools-version: 6.1
// Benchmarks for ParkOS, kept out of the root package so `swift test` never builds them.
//   swift package --package-path Benchmarks benchmark            (ordo-one/benchmark plugin)
//   swift run -c release --package-path Benchmarks lease-bench   (plain wall-clock figures)
//   swift run -c release --package-path Benchmarks lease-db-bench [--db PATH] [--leases N]   (through the database)
//   swift run -c release --package-path Benchmarks permu-bench [--rows N] [--dump DIR]      (per-mu evaluation)
//   swift run -c release --package-path Benchmarks fdi-bench [--projects N] [--inflows N]   (the FDI report in-process)
//   swift run -c release --package-path Benchmarks permu-db-bench [--db PATH] [--enterprises N]   (per-mu through the database)
//   swift run -c release --package-path Benchmarks policy-bench [--policies N] [--enterprises N]  (policies as code)
//   swift run -c release --package-path Benchmarks policy-db-bench [--db PATH] [--enterprises N]  (policy match through the database)
//   swift run -c release --package-path Benchmarks indicators-db-bench [--db PATH] [--enterprises N]  (indicators through the database)
//   swift run -c release --package-path Benchmarks outbound-bench [--projects N]                  (outbound filings checker)
//   swift run -c release --package-path Benchmarks outbound-db-bench [--db PATH] [--projects N]   (outbound statistics through the database)
//   swift run -c release --package-path Benchmarks service-bench [--clocks N]                   (deadlines of open subtasks)
//   swift run -c release --package-path Benchmarks service-db-bench [--db PATH] [--requests N]  (overdue queue and month stats)
import PackageDescription

let package = Package(
    name: "ParkOSBenchmarks",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(name: "ParkOS", path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark.git", exact: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        // The seeded synthetic park (100,000 leases × 10 commitments × 10 years) both runners measure.
        .target(
            name: "LeaseBenchFixture",
            dependencies: [.product(name: "ParkDomain", package: "ParkOS")],
            path: "Sources/LeaseBenchFixture"
        ),
        .executableTarget(
            name: "LeaseAssessment",
            dependencies: [
                "LeaseBenchFixture",
                .product(name: "ParkDomain", package: "ParkOS"),
                .product(name: "Benchmark", package: "benchmark"),
            ],
            path: "Benchmarks/LeaseAssessment",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        .executableTarget(
            name: "lease-bench",
            dependencies: ["LeaseBenchFixture", .product(name: "ParkDomain", package: "ParkOS")],
            path: "Sources/lease-bench"
        ),
        // The same park through the database: bulk load, LandColumnsLoader, assess, store proposals.
        // Bulk inserts of benchmark data and timing helpers shared by the database benchmarks.
        .target(
            name: "BenchSupport",
            dependencies: [.product(name: "ParkStore", package: "ParkOS")],
            path: "Sources/BenchSupport"
        ),
        .executableTarget(
            name: "lease-db-bench",
            dependencies: [
                "BenchSupport",
                "LeaseBenchFixture",
                .product(name: "ParkDomain", package: "ParkOS"),
                .product(name: "ParkStore", package: "ParkOS"),
            ],
            path: "Sources/lease-db-bench"
        ),
        // Per-mu evaluation: PerMuBatch.run on 1,000,000 seeded enterprise-years (permu_numpy_baseline.py is the NumPy twin).
        .executableTarget(
            name: "permu-bench",
            dependencies: [.product(name: "ParkDomain", package: "ParkOS")],
            path: "Sources/permu-bench"
        ),
        // The monthly FDI report over 100,000 projects and 1,000,000 inflows, in-process (FDIReportEngine).
        .executableTarget(
            name: "fdi-bench",
            dependencies: [.product(name: "ParkDomain", package: "ParkOS")],
            path: "Sources/fdi-bench"
        ),
        // Per-mu evaluation through the database: load figures, score, grade, store results.
        .executableTarget(
            name: "permu-db-bench",
            dependencies: [
                "BenchSupport",
                .product(name: "ParkDomain", package: "ParkOS"),
                .product(name: "ParkStore", package: "ParkOS"),
            ],
            path: "Sources/permu-db-bench"
        ),
        // Policies as code: compiled columnar evaluation of many policies over many enterprises
        // (openfisca_baseline/ holds the OpenFisca twin).
        .executableTarget(
            name: "policy-bench",
            dependencies: [.product(name: "ParkDomain", package: "ParkOS")],
            path: "Sources/policy-bench"
        ),
        // The policy match through the database: load facts, evaluate every policy in force, store the answers.
        .executableTarget(
            name: "policy-db-bench",
            dependencies: [
                "BenchSupport",
                .product(name: "ParkDomain", package: "ParkOS"),
                .product(name: "ParkStore", package: "ParkOS"),
            ],
            path: "Sources/policy-db-bench"
        ),
        // Indicators through the database: ParkOS's own figures with breakdowns, the leadership page.
        .executableTarget(
            name: "indicators-db-bench",
            dependencies: [
                "BenchSupport",
                .product(name: "ParkDomain", package: "ParkOS"),
                .product(name: "ParkStore", package: "ParkOS"),
                .product(name: "ParkServer", package: "ParkOS"),
            ],
            path: "Sources/indicators-db-bench"
        ),
        // Outbound (issue 14): the filings checker over a whole park, columnar and scalar.
        .executableTarget(
            name: "outbound-bench",
            dependencies: [.product(name: "ParkDomain", package: "ParkOS")],
            path: "Sources/outbound-bench"
        ),
        // Outbound statistics through the database (SQL aggregates over 100,000 projects).
        .executableTarget(
            name: "outbound-db-bench",
            dependencies: [
                "BenchSupport",
                .product(name: "ParkDomain", package: "ParkOS"),
                .product(name: "ParkStore", package: "ParkOS"),
            ],
            path: "Sources/outbound-db-bench"
        ),
        // Enterprise service: deadlines of 100,000 open subtasks on the working calendar (in-process).
        .executableTarget(
            name: "service-bench",
            dependencies: [.product(name: "ParkDomain", package: "ParkOS")],
            path: "Sources/service-bench"
        ),
        // Enterprise service through the database: the overdue queue and the month's stats from 1,000,000 requests.
        .executableTarget(
            name: "service-db-bench",
            dependencies: [
                "BenchSupport",
                .product(name: "ParkDomain", package: "ParkOS"),
                .product(name: "ParkStore", package: "ParkOS"),
            ],
            path: "Sources/service-db-bench"
        ),
    ]
)
