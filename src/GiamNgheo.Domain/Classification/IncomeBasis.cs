namespace GiamNgheo.Domain.Classification;

/// <summary>What was compared with the standard's lines.</summary>
public enum IncomeBasis
{
    /// <summary>Measured income per person per month, whole đồng.</summary>
    Income = 0,

    /// <summary>The B1 proxy-income score against the standard's B1 thresholds.</summary>
    B1Score = 1,
}
