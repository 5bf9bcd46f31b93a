namespace GiamNgheo.Application.Interchange;

/// <summary>
/// Streams <see cref="HouseholdRow"/>s to a <c>households.csv</c> in the interchange format. The header row is
/// written on construction; rows go out in 64 KB blocks, so a million households never sit in memory.
/// </summary>
public sealed class HouseholdCsvWriter : IDisposable, IAsyncDisposable
{
    private readonly CsvRowWriter _csv;

    public HouseholdCsvWriter(Stream stream, InterchangeHeader header = InterchangeHeader.Codes, bool leaveOpen = false)
    {
        _csv = new CsvRowWriter(stream, leaveOpen);
        _csv.Row(HouseholdColumns.Header(header));
    }

    public long RowsWritten { get; private set; }

    public void Write(HouseholdRow row)
    {
        Format(row);
        if (_csv.ShouldFlush)
        {
            _csv.Flush();
        }
    }

    public ValueTask WriteAsync(HouseholdRow row, CancellationToken cancellationToken = default)
    {
        Format(row);
        return _csv.ShouldFlush ? _csv.FlushAsync(cancellationToken) : ValueTask.CompletedTask;
    }

    public ValueTask FlushAsync(CancellationToken cancellationToken = default) => _csv.FlushAsync(cancellationToken);

    public void Dispose() => _csv.Dispose();

    public ValueTask DisposeAsync() => _csv.DisposeAsync();

    private void Format(HouseholdRow row)
    {
        InterchangeCells.Write(row, _csv);
        _csv.EndRow();
        RowsWritten++;
    }
}
