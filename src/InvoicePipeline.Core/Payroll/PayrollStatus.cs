namespace InvoicePipeline.Payroll;

/// <summary>Payroll transaction statuses in flow order (../shared/spec/outcomes.md). Names are the contract.</summary>
public enum PayrollStatus
{
    Received,
    Rejected,
    Duplicate,
    AwaitingAttestation,
    Attested,
    Posted,
}
