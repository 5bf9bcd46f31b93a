namespace GiamNgheo.Domain.Reports;

/// <summary>Whether a row counts households (hộ) or persons (nhân khẩu), or is a line of a list.</summary>
public enum ReportRowKind
{
    Households = 0,
    Persons = 1,
    Line = 2,
}

/// <summary>A column of a form. Rate columns are recomputed on the total row, never summed.</summary>
public sealed record ReportColumn(string Key, string HeaderVi, bool IsRate = false, bool IsText = false);

/// <summary>A row: numeric <see cref="Values"/> for count forms, <see cref="Texts"/> for the lists.</summary>
public sealed record ReportRow(string UnitCode, string Label, ReportRowKind Kind, bool IsTotal, IReadOnlyList<decimal> Values)
{
    public IReadOnlyList<string> Texts { get; init; } = [];
}

/// <summary>A computed report form.</summary>
public sealed record ReportTable(
    int Number,
    string Code,
    string TitleVi,
    string UnitCode,
    string UnitName,
    int Year,
    string StandardCode,
    IReadOnlyList<ReportColumn> Columns,
    IReadOnlyList<ReportRow> Rows)
{
    /// <summary>The reporting date and the denominator (<see cref="ReportBase.ToVietnamese"/>), printed under the title; empty in snapshots made before the reporting date was printed.</summary>
    public string BaseVi { get; init; } = string.Empty;

    public int ColumnIndex(string key)
    {
        for (var i = 0; i < Columns.Count; i++)
        {
            if (Columns[i].Key == key)
            {
                return i;
            }
        }

        throw new KeyNotFoundException(key);
    }

    public decimal Value(string unitCode, ReportRowKind kind, string key) =>
        Rows.First(r => r.UnitCode == unitCode && r.Kind == kind).Values[ColumnIndex(key)];

    public decimal Total(ReportRowKind kind, string key) =>
        Rows.First(r => r.IsTotal && r.Kind == kind).Values[ColumnIndex(key)];
}
