using System.Globalization;
using GiamNgheo.Application.Interchange;
using GiamNgheo.Domain.Common;
using GiamNgheo.Domain.Households;

namespace GiamNgheo.Application.Imports;

/// <summary>A parsed household row with where it came from.</summary>
public sealed record ParsedHousehold(long Row, HouseholdRow Value)
{
    /// <summary>The continuation sheet of the row (<see cref="InterchangeRawRow.Sheet"/>); null for the table's own sheet or file.</summary>
    public string? Sheet { get; init; }
}

/// <summary>A parsed member row with where it came from.</summary>
public sealed record ParsedMember(long Row, MemberRow Value)
{
    /// <summary>The continuation sheet of the row (<see cref="InterchangeRawRow.Sheet"/>); null for the table's own sheet or file.</summary>
    public string? Sheet { get; init; }
}

/// <summary>
/// Turns raw interchange rows into typed rows, reporting every bad field (a row with problems is not returned).
/// Checks that need the whole file or the database are in <see cref="ImportValidator"/>.
/// </summary>
public static class ImportRowParser
{
    public static ParsedHousehold? ParseHousehold(InterchangeRawRow raw, string file, DateOnly today, ICollection<InterchangeProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(raw);
        file = raw.Sheet ?? file;
        ArgumentNullException.ThrowIfNull(problems);
        var before = problems.Count;
        string Get(string code) => raw.Get(HouseholdIndex[code]).Trim();
        void Bad(string code, string value, string reason) => problems.Add(new InterchangeProblem(file, raw.Row, code, value, reason));

        var code = Get(HouseholdColumns.HouseholdCode);
        if (code.Length is 0 or > 32)
        {
            Bad(HouseholdColumns.HouseholdCode, code, "Mã hộ không được để trống và dài tối đa 32 ký tự.");
        }

        var commune = Get(HouseholdColumns.CommuneCode);
        if (commune.Length == 0)
        {
            Bad(HouseholdColumns.CommuneCode, commune, "Mã xã không được để trống.");
        }

        var village = VietnameseText.NormalizeName(Get(HouseholdColumns.Village));
        if (village.Length is 0 or > 150)
        {
            Bad(HouseholdColumns.Village, village, "Tên thôn không được để trống và dài tối đa 150 ký tự.");
        }

        var address = Get(HouseholdColumns.Address);
        if (address.Length > 300)
        {
            Bad(HouseholdColumns.Address, address, "Địa chỉ dài tối đa 300 ký tự.");
        }

        var head = VietnameseText.NormalizeName(Get(HouseholdColumns.HeadName));
        if (head.Length is 0 or > 150)
        {
            Bad(HouseholdColumns.HeadName, head, "Họ tên chủ hộ không được để trống và dài tối đa 150 ký tự.");
        }

        var areaText = Get(HouseholdColumns.Area);
        if (!AreaTypeCodes.TryParse(areaText, out var area))
        {
            Bad(HouseholdColumns.Area, areaText, "Khu vực phải là \"rural\" (Nông thôn) hoặc \"urban\" (Thành thị).");
        }

        var yearText = Get(HouseholdColumns.ReviewYear);
        if (!int.TryParse(yearText, NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year < 2000)
        {
            Bad(HouseholdColumns.ReviewYear, yearText, "Năm rà soát phải là một năm (ví dụ 2025), từ 2000 trở đi.");
        }
        else if (year > today.Year)
        {
            Bad(HouseholdColumns.ReviewYear, yearText, $"Năm rà soát {year} ở tương lai (năm nay là {today.Year}).");
        }

        var incomeText = Get(HouseholdColumns.Income);
        long? income = null;
        if (incomeText.Length > 0)
        {
            if (long.TryParse(incomeText, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i <= 10_000_000_000)
            {
                income = i;
            }
            else
            {
                Bad(HouseholdColumns.Income, incomeText, "Thu nhập phải là số đồng nguyên không âm, không có dấu phân cách (ví dụ 1500000).");
            }
        }

        var scoreText = Get(HouseholdColumns.B1Score);
        int? score = null;
        if (scoreText.Length > 0)
        {
            if (int.TryParse(scoreText, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var s) && s is >= -1000 and <= 1000)
            {
                score = s;
            }
            else
            {
                Bad(HouseholdColumns.B1Score, scoreText, "Điểm B1 phải là số nguyên.");
            }
        }

        var tableText = Get(HouseholdColumns.B1ScoreTable);
        string? scoreTable = null;
        if (tableText.Length > 0)
        {
            if (Domain.Standards.ScoreTables.TryParse(tableText, out var table) && Domain.Standards.ScoreTables.Known.Contains(table))
            {
                scoreTable = table;
            }
            else
            {
                Bad(HouseholdColumns.B1ScoreTable, tableText,
                    $"Bảng điểm B1 phải là {string.Join(" hoặc ", Domain.Standards.ScoreTables.Known)} (để trống: theo năm rà soát).");
            }
        }

        if (incomeText.Length == 0 && scoreText.Length == 0)
        {
            Bad(HouseholdColumns.Income, string.Empty, "Cần thu nhập bình quân hoặc điểm B1 để phân loại hộ.");
        }

        var answers = IndicatorAnswers.None;
        for (var i = 0; i < HouseholdColumns.Indicators.Count; i++)
        {
            var column = HouseholdColumns.Indicators[i];
            var text = Get(column.Code);
            if (!TryParseFlag(text, out var value))
            {
                Bad(column.Code, text, $"Chỉ số \"{column.HeaderVi}\" phải là 0, 1 hoặc để trống.");
                continue;
            }

            answers = answers.With(i, value);
        }

        var causesText = Get(HouseholdColumns.Causes);
        if (TryParseCauses(causesText, out var causes) is { } badCause)
        {
            Bad(HouseholdColumns.Causes, causesText, $"Nguyên nhân nghèo không có trong danh mục: \"{badCause}\".");
        }

        var needsText = Get(HouseholdColumns.Needs);
        if (TryParseNeeds(needsText, out var needs) is { } badNeed)
        {
            Bad(HouseholdColumns.Needs, needsText, $"Nhu cầu hỗ trợ không có trong danh mục: \"{badNeed}\".");
        }

        var flags = SpecialGroups.None;
        foreach (var (column, flag) in HouseholdColumns.Flags)
        {
            var text = Get(column.Code);
            if (!TryParseFlag(text, out var value))
            {
                Bad(column.Code, text, $"Cột \"{column.HeaderVi}\" phải là 0, 1 hoặc để trống.");
            }
            else if (value == true)
            {
                flags |= flag;
            }
        }

        if (problems.Count > before)
        {
            return null;
        }

        return new ParsedHousehold(raw.Row, new HouseholdRow
        {
            HouseholdCode = code,
            CommuneCode = commune,
            Village = village,
            Address = address,
            HeadName = head,
            Area = area,
            ReviewYear = year,
            Income = income,
            B1Score = score,
            // The table a score was taken under; when the file does not say, the default of the review year (docs/formats/households.md).
            B1ScoreTable = score is null ? null : scoreTable ?? Domain.Standards.ScoreTables.DefaultFor(year),
            Indicators = answers,
            Causes = causes,
            Needs = needs,
            Flags = flags,
        })
        { Sheet = raw.Sheet };
    }

    /// <summary>
    /// yyyy-MM-dd of ten ASCII characters, a real calendar day: the common case, read without the culture machinery of
    /// <see cref="DateOnly.TryParseExact(string?, string?, IFormatProvider?, DateTimeStyles, out DateOnly)"/> (which took
    /// 40 % of the member parse). Anything else returns false and goes through TryParseExact, so what is accepted is unchanged.
    /// </summary>
    internal static bool TryParseIsoDate(string text, out DateOnly date)
    {
        date = default;
        if (text.Length != 10 || text[4] != '-' || text[7] != '-')
        {
            return false;
        }

        var year = 0;
        var month = 0;
        var day = 0;
        for (var i = 0; i < 10; i++)
        {
            if (i is 4 or 7)
            {
                continue;
            }

            var digit = text[i] - '0';
            if ((uint)digit > 9)
            {
                return false;
            }

            if (i < 4)
            {
                year = (year * 10) + digit;
            }
            else if (i < 7)
            {
                month = (month * 10) + digit;
            }
            else
            {
                day = (day * 10) + digit;
            }
        }

        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        date = new DateOnly(year, month, day);
        return true;
    }

    public static ParsedMember? ParseMember(InterchangeRawRow raw, string file, DateOnly today, ICollection<InterchangeProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(raw);
        file = raw.Sheet ?? file;
        ArgumentNullException.ThrowIfNull(problems);
        var before = problems.Count;
        string Get(string code) => raw.Get(MemberIndex[code]).Trim();
        void Bad(string code, string value, string reason) => problems.Add(new InterchangeProblem(file, raw.Row, code, value, reason));

        var code = Get(MemberColumns.HouseholdCode);
        if (code.Length == 0)
        {
            Bad(MemberColumns.HouseholdCode, code, "Mã hộ không được để trống.");
        }

        var name = VietnameseText.NormalizeName(Get(MemberColumns.FullName));
        if (MemberRules.FullNameProblem(name) is { } nameProblem)
        {
            Bad(MemberColumns.FullName, name, nameProblem);
        }

        var sexText = Get(MemberColumns.Sex);
        var sexOk = TryCode(sexText, out Sex sex, MemberCodes.TryParse);
        if (!sexOk)
        {
            Bad(MemberColumns.Sex, sexText, "Giới tính phải là \"male\" (Nam) hoặc \"female\" (Nữ).");
        }

        var dobText = Get(MemberColumns.DateOfBirth);
        var dobOk = TryParseIsoDate(dobText, out var dob)
            || DateOnly.TryParseExact(dobText, MemberColumns.DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out dob);
        if (!dobOk)
        {
            Bad(MemberColumns.DateOfBirth, dobText, "Ngày sinh phải có dạng yyyy-MM-dd (ví dụ 1985-03-14).");
        }
        else if (MemberRules.DateOfBirthProblem(dob, today) is { } dobProblem)
        {
            Bad(MemberColumns.DateOfBirth, dobText, dobProblem);
            dobOk = false;
        }

        var ethnicity = Get(MemberColumns.EthnicityCode);
        if (ethnicity.Length == 1 && char.IsAsciiDigit(ethnicity[0]))
        {
            ethnicity = "0" + ethnicity;
        }

        var relationText = Get(MemberColumns.RelationToHead);
        if (!TryCode(relationText, out RelationToHead relation, MemberCodes.TryParse))
        {
            Bad(MemberColumns.RelationToHead, relationText, "Quan hệ với chủ hộ không có trong danh mục (head, spouse, child, parent, grandchild, sibling, other).");
        }

        var personalId = Get(MemberColumns.PersonalId);
        if (MemberRules.PersonalIdProblem(personalId, sexOk ? sex : null, dobOk ? dob : null) is { } idProblem)
        {
            Bad(MemberColumns.PersonalId, personalId, idProblem);
        }

        var insuranceText = Get(MemberColumns.HealthInsurance);
        if (!TryParseFlag(insuranceText, out var insurance))
        {
            Bad(MemberColumns.HealthInsurance, insuranceText, "Có thẻ bảo hiểm y tế phải là 0, 1 hoặc để trống.");
        }

        var education = EducationLevel.None;
        var educationText = Get(MemberColumns.Education);
        if (educationText.Length > 0 && !TryCode(educationText, out education, MemberCodes.TryParse))
        {
            Bad(MemberColumns.Education, educationText, "Trình độ học vấn không có trong danh mục (none, primary, lower_secondary, upper_secondary, vocational, higher).");
        }

        var schooling = Schooling.NotInSchool;
        var schoolText = Get(MemberColumns.InSchool);
        if (schoolText.Length > 0 && !TryCode(schoolText, out schooling, MemberCodes.TryParse))
        {
            Bad(MemberColumns.InSchool, schoolText, "Đang đi học phải là 0 hoặc 1.");
        }

        var disability = Disability.None;
        var disabilityText = Get(MemberColumns.Disability);
        if (disabilityText.Length > 0 && !TryCode(disabilityText, out disability, MemberCodes.TryParse))
        {
            Bad(MemberColumns.Disability, disabilityText, "Mức độ khuyết tật không có trong danh mục (none, mild, severe, extremely_severe).");
        }

        var employment = Employment.NotInLabourForce;
        var employmentText = Get(MemberColumns.Employment);
        if (employmentText.Length > 0 && !TryCode(employmentText, out employment, MemberCodes.TryParse))
        {
            Bad(MemberColumns.Employment, employmentText, "Tình trạng việc làm không có trong danh mục.");
        }

        if (problems.Count > before)
        {
            return null;
        }

        return new ParsedMember(raw.Row, new MemberRow
        {
            HouseholdCode = code,
            FullName = name,
            Sex = sex,
            DateOfBirth = dob,
            EthnicityCode = ethnicity,
            RelationToHead = relation,
            PersonalId = personalId,
            HealthInsurance = insurance == true,
            Education = education,
            Schooling = schooling,
            Disability = disability,
            Employment = employment,
        })
        { Sheet = raw.Sheet };
    }

    /// <summary>1/0/empty, also "có"/"không", "x", true/false.</summary>
    public static bool TryParseFlag(string text, out bool? value)
    {
        switch (text.Trim().ToUpperInvariant())
        {
            case "":
                value = null;
                return true;
            case "1" or "X" or "TRUE" or "CÓ" or "CO":
                value = true;
                return true;
            case "0" or "FALSE" or "KHÔNG" or "KHONG":
                value = false;
                return true;
            default:
                value = null;
                return false;
        }
    }

    private static readonly Dictionary<string, int> HouseholdIndex =
        HouseholdColumns.All.Select((c, i) => (c.Code, i)).ToDictionary(x => x.Code, x => x.i, StringComparer.Ordinal);

    private static readonly Dictionary<string, int> MemberIndex =
        MemberColumns.All.Select((c, i) => (c.Code, i)).ToDictionary(x => x.Code, x => x.i, StringComparer.Ordinal);

    private static readonly Dictionary<string, PovertyCauses> CauseCodes =
        HouseholdCodes.AllCauses.ToDictionary(c => c.ToCode(), StringComparer.OrdinalIgnoreCase);

    private static readonly Dictionary<string, SupportNeeds> NeedCodes =
        HouseholdCodes.AllNeeds.ToDictionary(c => c.ToCode(), StringComparer.OrdinalIgnoreCase);

    /// <summary>Exact codes first (the common case, no folding); labels and other spellings through <see cref="MemberCodes"/>.</summary>
    private static class Fast<T>
        where T : struct, Enum
    {
        public static readonly Dictionary<string, T> Codes = Build();

        private static Dictionary<string, T> Build()
        {
            var codes = new Dictionary<string, T>(StringComparer.OrdinalIgnoreCase);
            foreach (var value in Enum.GetValues<T>())
            {
                var code = value switch
                {
                    Sex v => v.ToCode(),
                    RelationToHead v => v.ToCode(),
                    EducationLevel v => v.ToCode(),
                    Schooling v => v.ToCode(),
                    Disability v => v.ToCode(),
                    Employment v => v.ToCode(),
                    _ => null,
                };
                if (code is not null)
                {
                    codes[code] = value;
                }
            }

            return codes;
        }
    }

    private static bool TryCode<T>(string text, out T value, TryParseLabel<T> fallback)
        where T : struct, Enum =>
        Fast<T>.Codes.TryGetValue(text, out value) || fallback(text, out value);

    private delegate bool TryParseLabel<T>(string text, out T value);

    private static string? TryParseCauses(string text, out PovertyCauses causes)
    {
        causes = PovertyCauses.None;
        if (text.Length == 0)
        {
            return null;
        }

        foreach (var item in text.Split(HouseholdColumns.ListSeparator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!CauseCodes.TryGetValue(item, out var cause))
            {
                return HouseholdCodes.TryParseCauses(text, out causes);
            }

            causes |= cause;
        }

        return null;
    }

    private static string? TryParseNeeds(string text, out SupportNeeds needs)
    {
        needs = SupportNeeds.None;
        if (text.Length == 0)
        {
            return null;
        }

        foreach (var item in text.Split(HouseholdColumns.ListSeparator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!NeedCodes.TryGetValue(item, out var need))
            {
                return HouseholdCodes.TryParseNeeds(text, out needs);
            }

            needs |= need;
        }

        return null;
    }
}
