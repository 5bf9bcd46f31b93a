using System.Globalization;

namespace GiamNgheo.Application.Interchange;

/// <summary>
/// Streams households and members into one XLSX workbook of the interchange format, in a single pass: the sheet
/// "Hộ gia đình" (spooled, since a ZIP is written one part at a time) and the sheet "Thành viên" written straight
/// into the package. A table longer than an Excel sheet (1,048,575 data rows under the header) continues in
/// "Thành viên (2)", "Thành viên (3)"… with the same header; the reader takes them as one table. Codes and dates are
/// text (leading zeros kept), numbers and 0/1 values are numbers, empty values are left out.
/// </summary>
public sealed class InterchangeWorkbookWriter : IDisposable
{
    private readonly XlsxStreamWriter _package;
    private readonly Table _households;
    private readonly Table _members;

    public InterchangeWorkbookWriter(Stream output, InterchangeHeader header = InterchangeHeader.Codes, bool leaveOpen = false)
        : this(output, header, leaveOpen, XlsxStreamWriter.MaxRows - 1)
    {
    }

    /// <summary><paramref name="maxDataRows"/>: data rows per sheet before a continuation sheet (tests use a small one).</summary>
    internal InterchangeWorkbookWriter(Stream output, InterchangeHeader header, bool leaveOpen, int maxDataRows)
    {
        _package = new XlsxStreamWriter(output, leaveOpen);
        _households = new Table(InterchangeTableReader.HouseholdSheet, HouseholdColumns.Header(header), maxDataRows, name => _package.BeginSpooledSheet(name, 0));
        _members = new Table(InterchangeTableReader.MemberSheet, MemberColumns.Header(header), maxDataRows, name => _package.BeginSheet(name, 1));
        _households.Start();
        _members.Start();
    }

    public long Households => _households.DataRows;
    public long Members => _members.DataRows;

    /// <summary>The name of the <paramref name="part"/>-th sheet of a table: "Thành viên", "Thành viên (2)"…</summary>
    public static string SheetName(string table, int part) =>
        part <= 1 ? table : string.Create(CultureInfo.InvariantCulture, $"{table} ({part})");

    public void Write(HouseholdRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var sheet = _households.Row();
        InterchangeCells.Write(row, sheet);
        sheet.EndRow();
    }

    public void Write(MemberRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var sheet = _members.Row();
        InterchangeCells.Write(row, sheet);
        sheet.EndRow();
    }

    /// <summary>Ends the sheets and writes the workbook parts. Disposing without it (an error) leaves the package incomplete.</summary>
    public void Complete()
    {
        _households.End();
        _members.End();
        _package.Complete();
    }

    public void Dispose() => _package.Dispose();

    /// <summary>One table over as many sheets as it needs.</summary>
    private sealed class Table(string name, IReadOnlyList<string> header, int maxDataRows, Func<string, XlsxSheetWriter> begin)
    {
        private XlsxSheetWriter? _sheet;
        private int _part;
        private long _inSheet;

        public long DataRows { get; private set; }

        public void Start()
        {
            _part++;
            _sheet = begin(SheetName(name, _part));
            _sheet.BeginRow();
            foreach (var cell in header)
            {
                _sheet.Text(cell);
            }

            _sheet.EndRow();
            _inSheet = 0;
        }

        public XlsxSheetWriter Row()
        {
            if (_inSheet == maxDataRows)
            {
                _sheet!.Dispose();
                Start();
            }

            _inSheet++;
            DataRows++;
            _sheet!.BeginRow();
            return _sheet;
        }

        public void End() => _sheet?.Dispose();
    }
}
