using System.Globalization;
using GiamNgheo.Domain.Common;
using GiamNgheo.Domain.Households;

namespace GiamNgheo.Application.Interchange;

/// <summary>The cells of one row of a file being written: text (codes, names, dates) or a number (0/1 included).</summary>
public interface IInterchangeCells
{
    /// <summary>A text cell; null or empty is an empty cell.</summary>
    void Text(string? value);

    /// <summary>A number cell; null is an empty cell.</summary>
    void Number(long? value);

    /// <summary>1 for true, 0 for false, empty for null.</summary>
    void Number(bool? value);
}

/// <summary>
/// The interchange format's column order, in one place for every writer (CSV and XLSX): the values of a household or
/// member row in the order of <see cref="HouseholdColumns.All"/> / <see cref="MemberColumns.All"/>.
/// </summary>
public static class InterchangeCells
{
    public static void Write(HouseholdRow row, IInterchangeCells cells)
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(cells);
        cells.Text(row.HouseholdCode);
        cells.Text(row.CommuneCode);
        cells.Text(row.Village);
        cells.Text(row.Address);
        cells.Text(row.HeadName);
        cells.Text(row.Area.ToCode());
        cells.Number(row.ReviewYear);
        cells.Number(row.Income);
        cells.Number(row.B1Score);
        cells.Text(row.B1Score is null ? string.Empty : row.B1ScoreTable ?? string.Empty);
        for (var i = 0; i < HouseholdColumns.Indicators.Count; i++)
        {
            cells.Number(row.Indicators.Get(i));
        }

        cells.Text(HouseholdCodes.FormatCauses(row.Causes));
        cells.Text(HouseholdCodes.FormatNeeds(row.Needs));
        foreach (var (_, flag) in HouseholdColumns.Flags)
        {
            cells.Number(row.Flags.HasFlag(flag));
        }
    }

    public static void Write(MemberRow row, IInterchangeCells cells)
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(cells);
        cells.Text(row.HouseholdCode);
        cells.Text(row.FullName);
        cells.Text(row.Sex.ToCode());
        cells.Text(row.DateOfBirth.ToString(MemberColumns.DateFormat, CultureInfo.InvariantCulture));
        cells.Text(row.EthnicityCode);
        cells.Text(row.RelationToHead.ToCode());
        cells.Text(row.PersonalId);
        cells.Number(row.HealthInsurance);
        cells.Text(row.Education.ToCode());
        cells.Number(row.Schooling == Schooling.InSchool);
        cells.Text(row.Disability.ToCode());
        cells.Text(row.Employment.ToCode());
    }
}
