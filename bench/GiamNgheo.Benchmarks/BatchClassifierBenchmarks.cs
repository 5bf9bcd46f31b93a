using BenchmarkDotNet.Attributes;
using GiamNgheo.Domain.Classification;
using GiamNgheo.Domain.Standards;

namespace GiamNgheo.Benchmarks;

/// <summary>
/// The batch path on one core: 10 million households (income long[], area byte[], deprivation mask uint[]).
/// Target: at least 50 million households per second for the flag-level rule.
/// </summary>
[ShortRunJob]
[MemoryDiagnoser]
public class BatchClassifierBenchmarks
{
    private const int Households = 10_000_000;

    private long[] _income = [];
    private byte[] _area = [];
    private uint[] _masks = [];
    private HouseholdCategory[] _categories = [];
    private CompiledStandard _nd07 = null!;
    private CompiledStandard _qd59 = null!;

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        _income = new long[Households];
        _area = new byte[Households];
        _masks = new uint[Households];
        _categories = new HouseholdCategory[Households];
        for (var i = 0; i < Households; i++)
        {
            _income[i] = random.Next(300, 3500) * 1000L;
            _area[i] = (byte)(random.Next(4) == 0 ? 1 : 0);
            _masks[i] = (uint)random.Next(1 << 12) & (uint)random.Next(1 << 12);
        }

        _nd07 = CompiledStandard.Compile(StandardCatalog.Get("ND07_2021"));
        _qd59 = CompiledStandard.Compile(StandardCatalog.Get("QD59_2015"));
    }

    /// <summary>Baseline: the cost of touching the three arrays and writing one byte per household.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = Households)]
    public void Touch()
    {
        var income = _income;
        var area = _area;
        var masks = _masks;
        var output = _categories;
        for (var i = 0; i < income.Length; i++)
        {
            output[i] = (HouseholdCategory)(((int)income[i] ^ area[i] ^ (int)masks[i]) & 3);
        }
    }

    [Benchmark(OperationsPerInvoke = Households)]
    public void ClassifyNd07() => BatchClassifier.Classify(_nd07, _income, _area, _masks, _categories);

    [Benchmark(OperationsPerInvoke = Households)]
    public void ClassifyQd59() => BatchClassifier.Classify(_qd59, _income, _area, _masks, _categories);

    [Benchmark(OperationsPerInvoke = Households)]
    public CategoryCounts CountNd07() => BatchClassifier.Count(_nd07, _income, _area, _masks);
}
