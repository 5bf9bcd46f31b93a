namespace GiamNgheo.Domain.Measures;

/// <summary>
/// One indicator's Alkire–Foster figures: the share of the population deprived in it (uncensored), the share
/// poor and deprived in it (censored), and its share of M0 (w_j × censored / M0; 0 when M0 is 0).
/// </summary>
public sealed record IndicatorMeasure(double UncensoredHeadcount, double CensoredHeadcount, double Contribution);
