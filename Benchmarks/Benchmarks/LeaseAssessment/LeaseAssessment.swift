// swift package --package-path Benchmarks benchmark --target LeaseAssessment
import Benchmark
import LeaseBenchFixture
import ParkDomain

/// Assessing a whole park in process on one thread: 100,000 leases × 10 commitments × 10 years
/// of reports. The seeded fixture is built in `setup`, outside the measured part. The goal is
/// under 0.1 s (about 10 ns per commitment), and no allocation beyond the result arrays.
let benchmarks: @Sendable () -> Void = {
    Benchmark(
        "AssessmentBatch.run 100k leases × 10 commitments × 10 years",
        configuration: .init(metrics: [.wallClock, .cpuTotal, .mallocCountTotal, .peakMemoryResident],
                             warmupIterations: 1, scalingFactor: .one, maxDuration: .seconds(10), maxIterations: 20,
                             thresholds: [.wallClock: .init(absolute: [.p90: 100_000_000])])
    ) { benchmark, columns in
        for _ in benchmark.scaledIterations {
            blackHole(AssessmentBatch.run(columns, asOf: LeaseBenchFixture.asOf, ruleset: .standard))
        }
    } setup: {
        LeaseBenchFixture.columns()
    }
}
