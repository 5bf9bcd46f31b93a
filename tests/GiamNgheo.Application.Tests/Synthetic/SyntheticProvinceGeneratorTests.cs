using System.Text;
using GiamNgheo.Application.ReferenceData;
using GiamNgheo.Application.Synthetic;
using GiamNgheo.Domain.Common;
using GiamNgheo.Domain.Households;

namespace GiamNgheo.Application.Tests.Synthetic;

public class SyntheticProvinceGeneratorTests
{
    private static SyntheticProvinceGenerator Generator(string province, int households, long seed = 1, int? communes = null) =>
        SyntheticProvinceGenerator.Create(new SyntheticProvinceOptions
        {
            ProvinceCode = province,
            Households = households,
            Seed = seed,
            MaxCommunes = communes,
        }).Generator ?? throw new InvalidOperationException("Province refused.");

    [Fact]
    public void Create_UnknownProvince_IsRefusedInVietnamese()
    {
        var result = SyntheticProvinceGenerator.Create(new SyntheticProvinceOptions { ProvinceCode = "99", Households = 10, Seed = 1 });

        Assert.Null(result.Generator);
        Assert.Equal(SyntheticProvinceError.UnknownProvince, result.Error);
        Assert.Contains("Không có tỉnh/thành phố mã \"99\"", result.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(-1, null, 2025)]
    [InlineData(10, 0, 2025)]
    [InlineData(10, null, 1999)]
    public void Create_InvalidOptions_AreRefused(int households, int? communes, int year)
    {
        var result = SyntheticProvinceGenerator.Create(new SyntheticProvinceOptions
        {
            ProvinceCode = "11", Households = households, Seed = 1, MaxCommunes = communes, ReviewYear = year,
        });

        Assert.Equal(SyntheticProvinceError.InvalidOptions, result.Error);
    }

    [Fact]
    public void Create_OneDigitCode_IsPadded() =>
        Assert.Equal("01", Generator("1", 1, communes: 1).Plan.ProvinceCode);

    [Fact]
    public void Generate_UsesOnlyRealCommunesOfTheProvince()
    {
        var official = ReferenceDataFiles.ReadUnits2025()
            .Where(u => u.Level == 2 && u.ParentCode == "11")
            .ToDictionary(u => u.Code, u => u.Type, StringComparer.Ordinal);
        var generator = Generator("11", 3_000);

        Assert.Equal(official.Keys.Order(StringComparer.Ordinal), generator.Plan.Communes.Select(c => c.Code));
        Assert.All(generator.Generate(), h =>
        {
            Assert.True(official.TryGetValue(h.Household.CommuneCode, out var type));
            Assert.Equal(type == "Phường" ? AreaType.Urban : AreaType.Rural, h.Household.Area);
            Assert.StartsWith(h.Household.CommuneCode + "-", h.Household.HouseholdCode, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void Generate_FirstNCommunes_SplitsTheHouseholdsAmongThem()
    {
        var generator = Generator("79", 2_000, communes: 4);
        var households = generator.Generate().ToList();

        Assert.Equal(4, generator.Plan.Communes.Count);
        Assert.Equal(2_000, households.Count);
        Assert.Equal(generator.Plan.Communes.Select(c => c.Code), households.Select(h => h.Household.CommuneCode).Distinct());
        Assert.Equal(generator.Plan.Communes.Select(c => c.Households), households.GroupBy(h => h.Household.CommuneCode).Select(g => g.Count()));
        var first = households.Where(h => h.Household.CommuneCode == generator.Plan.Communes[0].Code).ToList();
        Assert.Equal(generator.Plan.Communes[0].Code + "-000001", first[0].Household.HouseholdCode);
        Assert.Equal(households.Count, households.Select(h => h.Household.HouseholdCode).Distinct().Count());
    }

    [Fact]
    public void Generate_IsLazy_AMillionHouseholdPlanYieldsItsFirstRowsAtOnce()
    {
        var generator = Generator("01", 1_000_000);

        Assert.Equal(10, generator.Generate().Take(10).Count());
    }

    [Fact]
    public void Generate_TwiceWithTheSameOptions_GivesTheSameHouseholds()
    {
        var generator = Generator("66", 500);

        Assert.Equal(generator.Generate().Select(h => h.Household), Generator("66", 500).Generate().Select(h => h.Household));
    }

    [Theory]
    [InlineData("11")]
    [InlineData("79")]
    [InlineData("52")]
    public void Generate_PersonalIds_AreValidForSexAndBirthYear_AndUnique(string province)
    {
        var members = Generator(province, 5_000).Generate().SelectMany(h => h.Members).ToList();

        Assert.All(members, m => Assert.Null(PersonalId.Validate(m.PersonalId, m.Sex, m.DateOfBirth)));
        Assert.Equal(members.Count, members.Select(m => m.PersonalId).Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Generate_NamesAndVillages_AreNfcAndSingleSpaced()
    {
        var households = Generator("52", 3_000).Generate().ToList();
        var texts = households.SelectMany(h => h.Members.Select(m => m.FullName).Append(h.Household.Village).Append(h.Household.Address));

        Assert.All(texts, t =>
        {
            Assert.True(t.IsNormalized(NormalizationForm.FormC), t);
            Assert.Equal(VietnameseText.NormalizeName(t), t);
        });
    }

    [Fact]
    public void Generate_EthnicityCodes_AreOfficial_AndTheHeadComesFirst()
    {
        var codes = ReferenceDataFiles.ReadEthnicGroups().Select(e => e.Code).ToHashSet(StringComparer.Ordinal);
        var households = Generator("14", 3_000).Generate().ToList();

        Assert.All(households, h =>
        {
            Assert.Equal(RelationToHead.Head, h.Members[0].RelationToHead);
            Assert.Single(h.Members, m => m.RelationToHead == RelationToHead.Head);
            Assert.Equal(h.Members[0].FullName, h.Household.HeadName);
            Assert.All(h.Members, m => Assert.Contains(m.EthnicityCode, codes));
        });
    }

    [Fact]
    public void Generate_NorthWestMountains_AreMostlyMinorities_AndTheRedRiverDeltaMostlyKinh()
    {
        static double MinorityShare(SyntheticProvinceGenerator g) =>
            g.Generate().Average(h => h.Household.Flags.HasFlag(SpecialGroups.EthnicMinority) ? 1.0 : 0.0);

        Assert.InRange(MinorityShare(Generator("11", 4_000)), 0.55, 0.85);
        Assert.InRange(MinorityShare(Generator("33", 4_000)), 0.0, 0.05);
    }
}
