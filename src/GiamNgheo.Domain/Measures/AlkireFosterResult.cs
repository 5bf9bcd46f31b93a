namespace GiamNgheo.Domain.Measures;

/// <summary>
/// Alkire–Foster measures for a population. H = poor population / population, A = mean weighted deprivation
/// score of the poor, M0 = H × A. Populations are the sums of the household weights given.
/// </summary>
public sealed record AlkireFosterResult(
    double K,
    long Households,
    double Population,
    double H,
    double A,
    double M0,
    IReadOnlyDictionary<string, IndicatorMeasure> Indicators);
