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
            UpdateUsersPosition(),
            CreateLeaseAlertFacts(),
            UpdateParcelsBoundingBox(),
            UpdateEnterprisesStatsIndex(),
            CreateRegisterStats(),
            // ── slot: Investment (issue 11) migrations, in order ──
            CreateExchangeRates(),
            CreateInvestment(),
            UpdateStageMovesDaysAtStage(),
            CreateProjectLand(),
            UpdateFDILedgersCoveringIndex(),
            CreateFDIProjectMonths(),
            CreateFDIInfoReports(),
            UpdateProjectLandOutcome(),
            CreateFDIRecognition(),

            // ── slot: Service (issue 12) migrations, in order ──
            CreateServiceCatalogue(),
            CreateServiceRequests(),
            CreateServiceNotifications(),
            CreateServiceSearch(),
            UpdateServiceRequestsSearchTerms(),

            // ── slot: Indicators (issue 13) migrations, in order ──
            CreateIndicators(),
            UpdatePerformanceReportsCurrentIndex(),
            CreateIndicatorSnapshots(),

            // ── slot: Outbound (issue 14) migrations, in order ──
            CreateOutbound(),
            UpdateOutboundProjectsStatsIndex(),
            UpdateOutboundAlertsBilingual(),
            CreateOutboundAlertMessages(),

            // ── end of slots ──
        ]
    }
}
