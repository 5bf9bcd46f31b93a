using CsCheck;
using GiamNgheo.Domain.Households;
using GiamNgheo.Domain.Tests.Oracles;

namespace GiamNgheo.Domain.Tests.Households;

/// <summary>SpecialGroupRules.FollowHead agrees with the former derivations (private copies in Oracles/) on random inputs.</summary>
public class SpecialGroupAgreementPropertyTests
{
    // Kinh (01) and Hoa (04) are not minorities in this made-up catalogue; 02–54 except 04 are.
    private static readonly HashSet<string> Minority = [.. Enumerable.Range(2, 53).Where(i => i != 4).Select(i => i.ToString("00", System.Globalization.CultureInfo.InvariantCulture))];
    private static readonly HashSet<string> CommandCodes = [.. Enumerable.Range(1, 54).Select(i => i.ToString("00", System.Globalization.CultureInfo.InvariantCulture)).Select(c => Minority.Contains(c) ? c : "!" + c)];

    private static readonly Gen<(Sex Sex, string EthnicityCode)> AnyHead =
        Gen.Select(Gen.Bool, Gen.Int[0, 56]).Select((female, code) => (female ? Sex.Female : Sex.Male, code.ToString("00", System.Globalization.CultureInfo.InvariantCulture)));

    private static HeadFacts? Facts((Sex Sex, string EthnicityCode)? head) =>
        head is { } h ? new HeadFacts(h.Sex, Minority.Contains(h.EthnicityCode)) : null;

    [Fact]
    public void WithAHead_AgreesWithTheFormerFormAndImporterDerivations() =>
        Gen.Select(Gen.Int[0, 63], AnyHead).Sample((flags, head) =>
        {
            var groups = (SpecialGroups)flags;
            var merged = SpecialGroupRules.FollowHead(groups, Facts(head));
            Assert.Equal(FormerSpecialGroups.HouseholdCommands(groups, head, CommandCodes), merged);
            Assert.Equal(FormerSpecialGroups.Importer(groups, head, Minority), merged);
        }, iter: 5_000);

    [Fact]
    public void WithoutAHead_KeepsTheGroupsAsTheFormerFormDid() =>
        Gen.Int[0, 63].Sample(flags =>
            Assert.Equal(FormerSpecialGroups.HouseholdCommands((SpecialGroups)flags, null, CommandCodes), SpecialGroupRules.FollowHead((SpecialGroups)flags, null)),
            iter: 1_000);

    [Fact]
    public void DeclaredFlags_AreNeverTouched() =>
        Gen.Select(Gen.Int[0, 63], AnyHead).Sample((flags, head) =>
            Assert.Equal((SpecialGroups)flags & ~SpecialGroupRules.DerivedFromHead,
                SpecialGroupRules.FollowHead((SpecialGroups)flags, Facts(head)) & ~SpecialGroupRules.DerivedFromHead),
            iter: 2_000);
}
