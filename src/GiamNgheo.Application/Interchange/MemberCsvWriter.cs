namespace GiamNgheo.Application.Interchange;

/// <summary>Streams <see cref="MemberRow"/>s to a <c>members.csv</c> in the interchange format.</summary>
public sealed class MemberCsvWriter : IDisposable, IAsyncDisposable
{
    private readonly CsvRowWriter _csv;

    public MemberCsvWriter(Stream stream, InterchangeHeader header = InterchangeHeader.Codes, bool leaveOpen = false)
    {
        _csv = new CsvRowWriter(stream, leaveOpen);
        _csv.Row(MemberColumns.Header(header));
    }

    public long RowsWritten { get; private set; }

    public void Write(MemberRow row)
    {
        Format(row);
        if (_csv.ShouldFlush)
        {
            _csv.Flush();
        }
    }

    public ValueTask WriteAsync(MemberRow row, CancellationToken cancellationToken = default)
    {
        Format(row);
        return _csv.ShouldFlush ? _csv.FlushAsync(cancellationToken) : ValueTask.CompletedTask;
    }

    public ValueTask FlushAsync(CancellationToken cancellationToken = default) => _csv.FlushAsync(cancellationToken);

    public void Dispose() => _csv.Dispose();

    public ValueTask DisposeAsync() => _csv.DisposeAsync();

    private void Format(MemberRow row)
    {
        InterchangeCells.Write(row, _csv);
        _csv.EndRow();
        RowsWritten++;
    }
}
