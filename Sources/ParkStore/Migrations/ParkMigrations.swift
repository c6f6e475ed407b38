import FluentKit

/// The one ordered list of migrations, shared by the server and the CLI. Append only: a
/// landed migration is never edited.
public enum ParkMigrations {
    public static var all: [any Migration] {
        [
            CreateReferenceTables(),
            CreateEnterprises(),
            CreateAccounts(),
            CreateAuditTrail(),
            CreateLand(),
            CreatePerMu(),
            CreatePolicies(),
            CreateLoginThrottle(),
            UpdateEnterprisesDeregistration(),
            UpdateAuditReason(),
        ]
    }
}
