using CsCheck;
using GiamNgheo.Domain.Common;

namespace GiamNgheo.Domain.Tests.Common;

public class VillageCodesTests
{
    [Fact]
    public void Next_NoVillages_IsTheFirst() => Assert.Equal("03158-001", VillageCodes.Next("03158", []));

    [Fact]
    public void Next_AfterTheMiddleVillageWasRemoved_IsPastTheHighest() =>
        Assert.Equal("03158-004", VillageCodes.Next("03158", ["03158-001", "03158-003"])); // Count + 1 = 003 exists

    [Fact]
    public void Next_AfterAVillageWasRecoded_NeverReusesEitherCode() =>
        Assert.Equal("03158-006", VillageCodes.Next("03158", ["03158-001", "03158-005", "03158-003"]));

    [Fact]
    public void Next_CodesInAnotherForm_CountTowardsTheNumber() =>
        Assert.Equal("03158-003", VillageCodes.Next("03158", ["THON-A", "03158-X1"]));

    [Fact]
    public void Next_OtherCommunesCodes_AreIgnored() =>
        Assert.Equal("03158-002", VillageCodes.Next("03158", ["03159-007"]));

    [Fact]
    public void Next_RandomSetsOfExistingCodes_IsNewAndDeterministic() =>
        Gen.Int[1, 40].HashSet[0, 25].Sample(sequences =>
        {
            var existing = sequences.Select(n => VillageCodes.Format("03158", n)).ToList();
            var next = VillageCodes.Next("03158", existing);
            Assert.DoesNotContain(next, existing);
            Assert.Equal(next, VillageCodes.Next("03158", Enumerable.Reverse(existing)));
        }, iter: 2_000);
}
