import FluentKit
import Foundation
import ParkDomain
import SQLKit

extension AuditLog {
    /// Walks the whole chain in order and names the first entry that does not fit: an edited
    /// entry (its seal), a deleted one (a gap in the numbers or a broken link), an inserted one
    /// (a broken link, or entries past the recorded head), an entry sealed without the key
    /// after keyed ones, or a chain written with another key.
    public func verify(progress: (@Sendable (Int) -> Void)? = nil) async throws -> AuditVerification {
        try await verifyReport(progress: progress).verification
    }

    /// `verify`, with the counts and key fingerprints an operator reads.
    /// The head and the entries are read in one snapshot (one read transaction, repeatable
    /// read on PostgreSQL), so writes committing while the walk runs are not mistaken for
    /// inserted entries.
    public func verifyReport(progress: (@Sendable (Int) -> Void)? = nil) async throws -> AuditChainReport {
        let log = self
        return try await db.transaction { tx in
            if let sql = tx as? any SQLDatabase, sql.dialect.name != "sqlite" {
                try await sql.raw("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY").run()
            }
            return try await AuditLog(db: tx, clock: log.clock, key: log.key).walkChain(progress: progress)
        }
    }

    private func walkChain(progress: (@Sendable (Int) -> Void)?) async throws -> AuditChainReport {
        let head = try await AuditHeadModel.find(1, on: db)
        var walk = ChainWalk(key: key)
        let pageSize = 5_000
        while true {
            let page = try await AuditEntryModel.query(on: db).filter(\.$id >= walk.expectedSeq)
                .sort(\.$id, .ascending).limit(pageSize).all()
            for m in page {
                if let broken = walk.take(Self.domain(m)) { return walk.report(broken) }
            }
            progress?(walk.checked)
            if page.count < pageSize { break }
        }
        let count = walk.checked
        let headSeq = head?.seq ?? 0
        if headSeq != count || (head?.hash ?? AuditEntry.genesisHash) != walk.prevHash {
            if headSeq > count {
                return walk.report(.broken(seq: count + 1, reason: "entries \(count + 1)…\(headSeq) are missing (deleted); the chain head records \(headSeq)"))
            }
            if headSeq == count {
                return walk.report(.broken(seq: count, reason: "the chain head names another hash for entry \(count) (edited head)"))
            }
            let next = max(headSeq, 0) + 1
            return walk.report(.broken(seq: next, reason: "entry \(next) is past the recorded chain head \(headSeq) (inserted)"))
        }
        return walk.report(.intact(entries: count, headHash: walk.prevHash))
    }

    /// Checks a signed checkpoint against the chain as `report` found it: its signature under
    /// `publicKey`, then that entry `seq` is still there with exactly the recorded hash. Returns
    /// nil when it holds, else why not. `report` should be intact (check that first).
    public func check(_ checkpoint: AuditCheckpoint, publicKey: AuditVerifyingKey,
                      against report: AuditChainReport) async throws -> String? {
        let name = "checkpoint of \(checkpoint.createdAt)"
        guard publicKey.isValidSignature(of: checkpoint) else {
            return "the \(name) is not signed by public key \(publicKey.fingerprint) (forged or altered checkpoint, or another signing key)"
        }
        guard checkpoint.seq <= report.checkedEntries else {
            return "the chain ends at \(report.checkedEntries) but the \(name) recorded \(checkpoint.seq) (entries were cut from the end)"
        }
        let stored: String
        if checkpoint.seq == 0 {
            stored = AuditEntry.genesisHash
        } else {
            guard let m = try await AuditEntryModel.find(checkpoint.seq, on: db) else {
                return "entry \(checkpoint.seq) recorded by the \(name) is missing"
            }
            stored = m.hash
        }
        guard stored == checkpoint.headHash else {
            return "entry \(checkpoint.seq) no longer has the hash the \(name) recorded (the chain was rewritten)"
        }
        return nil
    }
}

/// The state of a walk along the chain: what the next entry must link to, and what was seen.
struct ChainWalk {
    let key: AuditChainKey
    var expectedSeq = 1
    var prevHash = AuditEntry.genesisHash
    var legacy = 0
    var chainFingerprint: String?

    init(key: AuditChainKey) { self.key = key }

    var checked: Int { expectedSeq - 1 }

    /// Checks the next entry; returns the break, or nil and moves on.
    mutating func take(_ e: AuditEntry) -> AuditVerification? {
        if e.seq != expectedSeq {
            return .broken(seq: expectedSeq, reason: "entry \(expectedSeq) is missing (deleted); the next entry is \(e.seq)")
        }
        if e.prevHash != prevHash {
            return .broken(seq: e.seq, reason: "entry \(e.seq) does not link to entry \(e.seq - 1) (an entry was inserted, deleted or edited)")
        }
        switch AuditSeal(e.hash) {
        case .legacy(let sha):
            if chainFingerprint != nil {
                return .broken(seq: e.seq, reason: "entry \(e.seq) is sealed with plain SHA-256 after keyed entries (rewritten or inserted without the audit key)")
            }
            if AuditLog.sha256(e.canonicalText) != sha {
                return .broken(seq: e.seq, reason: "entry \(e.seq) does not match its hash (edited)")
            }
            legacy += 1
        case .keyed(let fingerprint, let mac):
            if !key.verifies(mac: mac, of: e.canonicalText) {
                if chainFingerprint == nil && fingerprint != key.fingerprint {
                    return .broken(seq: e.seq, reason: "the chain does not match this key (fingerprint \(key.fingerprint), \(key.origin)): entry \(e.seq) names key \(fingerprint); verify with that key, or, if this is it, entry \(e.seq) was edited")
                }
                if chainFingerprint == nil {
                    return .broken(seq: e.seq, reason: "entry \(e.seq) does not match its seal under this key (fingerprint \(key.fingerprint)): edited, or the chain does not match this key")
                }
                return .broken(seq: e.seq, reason: "entry \(e.seq) does not match its seal (edited, or its hash recomputed without the audit key)")
            }
            chainFingerprint = chainFingerprint ?? fingerprint
        case .unreadable:
            return .broken(seq: e.seq, reason: "entry \(e.seq) has an unreadable hash (edited)")
        }
        prevHash = e.hash
        expectedSeq += 1
        return nil
    }

    func report(_ verification: AuditVerification) -> AuditChainReport {
        AuditChainReport(verification: verification, checkedEntries: checked, headHash: prevHash, legacyEntries: legacy,
                         keyFingerprint: key.fingerprint, chainKeyFingerprint: chainFingerprint)
    }
}
