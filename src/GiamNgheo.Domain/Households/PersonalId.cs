using System.Globalization;

namespace GiamNgheo.Domain.Households;

/// <summary>
/// Số định danh cá nhân / CCCD: 12 digits. Structure (Thông tư 07/2016/TT-BCA, kept as a structural check only):
/// digits 1–3 the birth-registration province code (001–096), digit 4 sex and century, digits 5–6 the last
/// two digits of the birth year, digits 7–12 a random sequence.
/// </summary>
public static class PersonalId
{
    public const int Length = 12;

    /// <summary>Checks the number and returns a Vietnamese reason when it is not acceptable, null when it is.</summary>
    public static string? Validate(string? value, Sex? sex = null, DateOnly? dateOfBirth = null)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return "Số định danh cá nhân không được để trống.";
        }

        if (value.Length != Length || !value.All(char.IsAsciiDigit))
        {
            return "Số định danh cá nhân phải gồm đúng 12 chữ số.";
        }

        var province = int.Parse(value.AsSpan(0, 3), CultureInfo.InvariantCulture);
        if (province is < 1 or > 96)
        {
            return "Ba chữ số đầu của số định danh (mã tỉnh nơi đăng ký khai sinh) phải từ 001 đến 096.";
        }

        var genderCentury = value[3] - '0';
        var century = genderCentury switch
        {
            0 or 1 => 1900,
            2 or 3 => 2000,
            4 or 5 => 2100,
            6 or 7 => 2200,
            _ => 1800,
        };
        var isFemale = genderCentury % 2 == 1;
        if (sex is { } s && (s == Sex.Female) != isFemale)
        {
            return "Chữ số thứ tư của số định danh không khớp với giới tính.";
        }

        if (dateOfBirth is { } dob)
        {
            var year = century + int.Parse(value.AsSpan(4, 2), CultureInfo.InvariantCulture);
            if (year != dob.Year)
            {
                return "Chữ số thứ 4–6 của số định danh không khớp với năm sinh.";
            }
        }

        return null;
    }

    /// <summary>Masks a number for lists: "001089012345" → "0010******45".</summary>
    public static string Mask(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }

        if (value.Length <= 6)
        {
            return new string('*', value.Length);
        }

        return string.Concat(value.AsSpan(0, 4), new string('*', value.Length - 6), value.AsSpan(value.Length - 2));
    }

    /// <summary>Builds the structural prefix for a person (used by the synthetic generator).</summary>
    public static string Prefix(int provinceOfBirth, Sex sex, int birthYear)
    {
        var centuryIndex = (birthYear / 100) switch
        {
            19 => 0,
            20 => 2,
            21 => 4,
            22 => 6,
            _ => 8,
        };
        var digit = centuryIndex + (sex == Sex.Female ? 1 : 0);
        return string.Create(CultureInfo.InvariantCulture, $"{provinceOfBirth:000}{digit}{birthYear % 100:00}");
    }
}
