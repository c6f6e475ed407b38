import Foundation
import NIOCore
import ParkDomain

/// A lease's `commitments` text as the driver handed it over.
enum CommitmentsText: Sendable {
    case text(String)
    case bytes(ByteBuffer)
    case none
}

/// The lease rows read so far: per-lease columns, the lease keys and their positions (the report
/// rows find their lease by key), and the commitment texts. One struct, so a row is one access.
///
/// The texts are scanned off the reading thread: `startScanning()` (called once the lease query
/// is done) scans them in a task while the driver reads the report rows, and `columns()` takes
/// the result; the texts stay referenced until then.
final class LeaseRows: @unchecked Sendable {
    struct Stage {
        var columns = AssessmentColumns()
        var position = LeaseKeyTable()
        var texts: [CommitmentsText] = []

        @inline(__always)
        mutating func add(_ key: LeaseKey, _ firstTerm: Int?, _ maxTotal: Int?, _ areaM2: Double, _ text: CommitmentsText) {
            guard position.insert(key) else { return }
            columns.areaMu.append(AreaUnit.mu(fromSquareMetres: areaM2))
            columns.firstTermYears.append(Int32(clamping: firstTerm ?? 10))
            columns.maxTotalYears.append(Int32(clamping: maxTotal ?? 30))
            texts.append(text)
        }
    }

    var stage = Stage()
    private var scanning: Task<AssessmentColumns, Never>?
    var count: Int { stage.position.count }
    var ids: [UUID] { stage.position.keys.map(\.uuid) }

    init(capacity: Int = 1024) {
        stage.columns.reserve(leases: capacity, commitments: 0, reports: 0)
        stage.position = LeaseKeyTable(capacity: capacity)
        stage.texts.reserveCapacity(capacity)
    }

    /// Appends one lease (a lease id seen before, or not a UUID, is skipped).
    @inline(__always)
    func add(_ key: LeaseKey?, firstTerm: Int?, maxTotal: Int?, areaM2: Double, commitments: CommitmentsText) {
        guard let key else { return }
        stage.add(key, firstTerm, maxTotal, areaM2, commitments)
    }

    /// Starts scanning the commitment texts on another thread; no more leases may be added.
    func startScanning() {
        let texts = stage.texts
        scanning = Task.detached { Self.scan(texts) }
    }

    /// The per-lease and per-commitment columns (the report columns empty).
    func columns() async -> AssessmentColumns {
        let scanned: AssessmentColumns
        if let scanning { scanned = await scanning.value } else { scanned = Self.scan(stage.texts) }
        var c = stage.columns
        stage.texts = []
        c.commitmentStart = scanned.commitmentStart; c.commitmentCount = scanned.commitmentCount
        c.kind = scanned.kind; c.direction = scanned.direction; c.measure = scanned.measure; c.years = scanned.years
        c.target = scanned.target; c.targetDay = scanned.targetDay; c.mandatory = scanned.mandatory; c.weight = scanned.weight
        return c
    }

    /// The commitment columns of `texts`, one lease each (`commitmentStart`/`Count` and the
    /// per-commitment arrays).
    static func scan(_ texts: [CommitmentsText]) -> AssessmentColumns {
        var c = AssessmentColumns()
        c.commitmentStart.reserveCapacity(texts.count); c.commitmentCount.reserveCapacity(texts.count)
        c.reserve(leases: 0, commitments: texts.count * 10, reports: 0)
        for text in texts {
            c.commitmentStart.append(Int32(c.kind.count))
            switch text {
            case .text(let s):
                c.commitmentCount.append(CommitmentColumnsJSON.append(s, to: &c))
            case .bytes(let b):
                if let n = b.withUnsafeReadableBytes({ CommitmentColumnsJSON.append($0, to: &c) }) {
                    c.commitmentCount.append(n)
                } else {
                    c.commitmentCount.append(CommitmentColumnsJSON.appendDecoding(Data(b.readableBytesView), to: &c))
                }
            case .none:
                c.commitmentCount.append(0)
            }
        }
        return c
    }
}
