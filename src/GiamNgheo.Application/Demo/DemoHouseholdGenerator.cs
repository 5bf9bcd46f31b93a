using System.Globalization;
using GiamNgheo.Application.Households;
using GiamNgheo.Domain.Common;
using GiamNgheo.Domain.Households;

namespace GiamNgheo.Application.Demo;

/// <summary>Seeded, deterministic households with members for the demo communes (synthetic data only).</summary>
internal sealed class DemoHouseholdGenerator(int seed)
{
    private static readonly string[] FamilyNames = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Lò", "Quàng", "Lường", "Giàng", "Sùng", "Vàng", "Cà", "Điêu"];
    private static readonly string[] MaleMiddle = ["Văn", "Văn", "Đức", "Minh", "A"];
    private static readonly string[] FemaleMiddle = ["Thị", "Thị", "Thu", "Ngọc", "Thị"];
    private static readonly string[] MaleGiven = ["An", "Bình", "Cường", "Dũng", "Hùng", "Khánh", "Long", "Nam", "Phong", "Quân", "Sơn", "Thắng", "Tuấn", "Vinh", "Páo", "Chứ", "Dế", "Xuân"];
    private static readonly string[] FemaleGiven = ["Anh", "Bích", "Chi", "Dung", "Hà", "Hoa", "Lan", "Mai", "Ngân", "Oanh", "Phương", "Quỳnh", "Thảo", "Vân", "Mỷ", "Xua", "Dở", "Ính"];
    private static readonly string[] VillagePrefixes = ["Bản", "Bản", "Thôn", "Bản", "Bản"];
    private static readonly string[] VillageNames = ["Na Hu", "Huổi Lếch", "Pá Mỳ", "Nậm Pố", "Co Lót", "Huổi Lếnh", "Mường Toong", "Nà Pán", "Púng Giắt", "Phi Lĩnh"];
    // Kinh, Thái, HMông, Khơ-mú, Dao, Hà Nhì (codes of the 1979 list).
    private static readonly string[] Ethnicities = ["01", "03", "03", "13", "13", "13", "21", "10", "29"];

    public static string VillageName(string communeCode, int index)
    {
        var i = (int.Parse(communeCode, CultureInfo.InvariantCulture) + index * 3) % VillageNames.Length;
        return $"{VillagePrefixes[index % VillagePrefixes.Length]} {VillageNames[i]}";
    }

    public IEnumerable<HouseholdEntity> Generate(string provinceCode, string communeCode, IReadOnlyList<string> villages, AreaType area, int count)
    {
        var random = new Random(unchecked((seed * 100_003) + int.Parse(communeCode, CultureInfo.InvariantCulture)));
        var usedIds = new HashSet<string>(StringComparer.Ordinal);
        for (var n = 1; n <= count; n++)
        {
            var village = villages[random.Next(villages.Count)];
            var family = FamilyNames[random.Next(FamilyNames.Length)];
            var ethnicity = area == AreaType.Urban && random.Next(3) > 0 ? "01" : Ethnicities[random.Next(Ethnicities.Length)];
            var household = new HouseholdEntity
            {
                ProvinceCode = provinceCode,
                CommuneCode = communeCode,
                VillageCode = village,
                Code = string.Create(CultureInfo.InvariantCulture, $"{communeCode}-{n:000000}"),
                Address = string.Create(CultureInfo.InvariantCulture, $"Số nhà {random.Next(1, 300)}"),
                HeadName = string.Empty,
                AreaType = area,
                Groups = (random.Next(20) == 0 ? SpecialGroups.RevolutionaryMerit : SpecialGroups.None)
                    | (random.Next(15) == 0 ? SpecialGroups.SocialProtection : SpecialGroups.None),
            };
            var headSex = random.Next(5) == 0 ? Sex.Female : Sex.Male;
            var headAge = random.Next(22, 75);
            var size = 1 + random.Next(1, 7);
            var members = new List<(RelationToHead Relation, Sex Sex, int Age)> { (RelationToHead.Head, headSex, headAge) };
            if (size > 1)
            {
                members.Add((RelationToHead.Spouse, headSex == Sex.Male ? Sex.Female : Sex.Male, Math.Max(18, headAge + random.Next(-6, 4))));
            }

            for (var i = 2; i < size; i++)
            {
                members.Add((RelationToHead.Child, random.Next(2) == 0 ? Sex.Male : Sex.Female, Math.Max(0, headAge - random.Next(18, 35))));
            }

            var order = 0;
            foreach (var (relation, sex, age) in members)
            {
                var surname = relation == RelationToHead.Spouse ? FamilyNames[random.Next(FamilyNames.Length)] : family;
                var name = $"{surname} {(sex == Sex.Male ? MaleMiddle[random.Next(MaleMiddle.Length)] : FemaleMiddle[random.Next(FemaleMiddle.Length)])} {(sex == Sex.Male ? MaleGiven[random.Next(MaleGiven.Length)] : FemaleGiven[random.Next(FemaleGiven.Length)])}";
                var dob = new DateOnly(2025 - age, random.Next(1, 13), random.Next(1, 29));
                string? personalId = null;
                if (age >= 14)
                {
                    do
                    {
                        personalId = PersonalId.Prefix(11, sex, dob.Year) + random.Next(0, 1_000_000).ToString("000000", CultureInfo.InvariantCulture);
                    }
                    while (!usedIds.Add(personalId));
                }

                if (relation == RelationToHead.Head)
                {
                    household.HeadName = name;
                    household.HeadNameFolded = VietnameseText.Fold(name);
                }

                household.Members.Add(new MemberEntity
                {
                    ProvinceCode = provinceCode,
                    Order = ++order,
                    FullName = name,
                    FullNameFolded = VietnameseText.Fold(name),
                    Sex = sex,
                    DateOfBirth = dob,
                    EthnicityCode = ethnicity,
                    RelationToHead = relation,
                    PersonalId = personalId,
                    HasHealthInsurance = random.Next(10) > 1,
                    Education = age < 7 ? EducationLevel.None : (EducationLevel)random.Next(0, 4),
                    Schooling = age is >= 5 and <= 18 && random.Next(10) > 0 ? Schooling.InSchool : Schooling.NotInSchool,
                    Disability = random.Next(30) == 0 ? Disability.Severe : Disability.None,
                    Employment = age is < 15 or > 60 ? Employment.NotInLabourForce : (Employment)random.Next(1, 5),
                });
            }

            yield return household;
        }
    }
}
