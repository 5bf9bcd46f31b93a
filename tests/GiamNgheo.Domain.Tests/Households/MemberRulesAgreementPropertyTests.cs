using System.Globalization;
using CsCheck;
using GiamNgheo.Domain.Households;
using GiamNgheo.Domain.Tests.Oracles;

namespace GiamNgheo.Domain.Tests.Households;

/// <summary>MemberRules flags the same fields as the former form and importer validations (private copies in Oracles/) on random members.</summary>
public class MemberRulesAgreementPropertyTests
{
    private static readonly DateOnly Today = new(2026, 11, 20);
    private static readonly Func<string, bool> IsKnown = c => c.Length == 2 && int.TryParse(c, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= 54;

    private static readonly Gen<string> AnyName = Gen.Int[0, 4].SelectMany(k => k switch
    {
        0 => Gen.Const(string.Empty),
        1 => Gen.Int[145, 160].Select(n => new string('a', n)),
        _ => Gen.Const("Nguyễn Văn An"),
    });

    private static readonly Gen<DateOnly> AnyDate = Gen.Int[-45_000, 400].Select(d => Today.AddDays(d));

    private static readonly Gen<Sex> AnySex = Gen.Int[0, 1].Select(i => (Sex)i);

    private static readonly Gen<string> AnyEthnicity = Gen.Int[0, 60].Select(i => i.ToString("00", CultureInfo.InvariantCulture));

    /// <summary>Empty, random digits, or a structurally valid ID for a random sex and birth year (so matches and mismatches both occur).</summary>
    private static readonly Gen<string> AnyPersonalId = Gen.Select(Gen.Int[0, 3], Gen.Int[1, 96], Gen.Int[0, 9], Gen.Int[0, 99], Gen.Long[0, 999_999])
        .Select((kind, province, century, year, rest) => kind switch
        {
            0 => string.Empty,
            1 => rest.ToString(CultureInfo.InvariantCulture),
            _ => string.Create(CultureInfo.InvariantCulture, $"{province:000}{century}{year:00}{rest:000000}"),
        });

    [Fact]
    public void Validate_FlagsTheSameFieldsAsTheFormerFormAndImporter() =>
        Gen.Select(AnyName, AnyDate, AnySex, AnyEthnicity, AnyPersonalId).Sample((name, dob, sex, ethnicity, id) =>
        {
            var problems = MemberRules.Validate(new MemberCandidate(name, dob, sex, ethnicity, id), Today, IsKnown);
            var merged = problems.Select(p => p.Field).ToHashSet();
            Assert.Equal(FormerMemberValidation.Importer(name, dob, sex, ethnicity, id, Today, IsKnown), merged);
            // The form checked the personal ID against an impossible date of birth too; the importer did not (kept).
            if (dob <= Today && dob.Year >= 1900)
            {
                Assert.Equal(FormerMemberValidation.Form(name, dob, sex, ethnicity, id, Today, IsKnown), merged);
            }

            Assert.All(problems, p => Assert.False(string.IsNullOrWhiteSpace(p.Message)));
        }, iter: 10_000);

    [Fact]
    public void Validate_UnknownSexValue_IsFlaggedAsTheFormerFormDid() =>
        Assert.Contains(MemberRules.Validate(new MemberCandidate("An", new DateOnly(1990, 1, 1), (Sex)7, "01", null), Today, IsKnown),
            p => p.Field == MemberField.Sex);

    [Fact]
    public void Messages_AreVietnamese()
    {
        Assert.Equal("Chưa nhập họ tên.", MemberRules.FullNameProblem(string.Empty));
        Assert.Equal("Họ tên dài quá 150 ký tự.", MemberRules.FullNameProblem(new string('a', 151)));
        Assert.Equal("Ngày sinh không được ở tương lai (hôm nay là 20/11/2026).", MemberRules.DateOfBirthProblem(Today.AddDays(1), Today));
        Assert.Equal("Ngày sinh không hợp lệ (trước năm 1900).", MemberRules.DateOfBirthProblem(new DateOnly(1899, 12, 31), Today));
        Assert.Equal("Mã dân tộc không có trong danh mục 54 dân tộc (01–54): 77.", MemberRules.EthnicityProblem("77", IsKnown));
        Assert.Null(MemberRules.PersonalIdProblem(string.Empty, Sex.Male, null));
    }
}
