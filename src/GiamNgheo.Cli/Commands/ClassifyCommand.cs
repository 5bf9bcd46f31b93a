using System.Collections.Concurrent;
using System.CommandLine;
using System.Globalization;
using System.Numerics;
using GiamNgheo.Cli.Households;
using GiamNgheo.Domain.Classification;
using GiamNgheo.Domain.Common;
using GiamNgheo.Domain.Standards;

namespace GiamNgheo.Cli.Commands;

/// <summary>
/// <c>classify --standard ND07_2021,QD59_2015 --input households.csv --output result.csv</c>: one output row per
/// household per standard (<c>household_id,standard,category,deprivation_count,deprived</c>). Any bad value
/// stops the run with every error listed and no output file.
/// </summary>
internal static class ClassifyCommand
{
    public const int ExitOk = 0;
    public const int ExitBadData = 1;
    public const int ExitUsage = 2;

    public static Command Create()
    {
        var standard = new Option<string>("--standard") { Description = "Mã chuẩn nghèo, cách nhau bởi dấu phẩy (standard codes, comma-separated), e.g. ND07_2021,QD59_2015", Required = true };
        var input = new Option<string>("--input") { Description = "Tệp CSV hộ gia đình (households CSV, UTF-8)", Required = true };
        var output = new Option<string>("--output") { Description = "Tệp CSV kết quả (result CSV)", Required = true };
        var command = new Command("classify", "Phân loại hộ theo một hoặc nhiều chuẩn nghèo (classify households under one or more standards).")
        {
            standard, input, output,
        };
        command.SetAction(parse =>
        {
            var config = parse.InvocationConfiguration;
            var inputPath = parse.GetValue(input)!;
            return Run(parse.GetValue(standard)!, inputPath, parse.GetValue(output)!, config.Output, config.Error, File.Exists(inputPath) && ConsoleProgress.ShouldShow(inputPath));
        });
        return command;
    }

    /// <summary>Bytes of input handed to a worker at a time (cut at a line end).</summary>
    public const int DefaultBlockBytes = 4 << 20;

    public static int Run(string standardCodes, string inputPath, string outputPath, TextWriter output, TextWriter error, bool showProgress = false, int blockBytes = DefaultBlockBytes)
    {
        var standards = StandardArguments.Resolve(standardCodes, error);
        if (standards is null)
        {
            return ExitUsage;
        }

        if (!File.Exists(inputPath))
        {
            error.WriteLine($"Không tìm thấy tệp đầu vào {inputPath}.");
            return ExitUsage;
        }

        var errors = new CsvErrorList();
        using var input = new FileStream(inputPath, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        var (headerLine, rest) = ReadHeaderLine(input);
        using var header = HouseholdCsvReader.OpenHeader(headerLine, standards, needsIncome: true, errors);
        if (header is null)
        {
            errors.WriteTo(error, inputPath);
            return ExitUsage;
        }

        var fullOutput = Path.GetFullPath(outputPath);
        var temp = Path.Combine(Path.GetDirectoryName(fullOutput)!, $".{Path.GetFileName(fullOutput)}.{Guid.NewGuid():N}.tmp");
        try
        {
            long households;
            using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.SequentialScan))
            {
                using var pipeline = new Pipeline(input, header, standards, file, errors, (int)Math.Clamp(Math.Min(blockBytes, input.Length), 64, int.MaxValue / 4));
                households = ConsoleProgress.Run(showProgress, "Phân loại hộ", input.Length, report => pipeline.Run(rest, report));
            }

            if (errors.Any)
            {
                errors.WriteTo(error, inputPath);
                return ExitBadData;
            }

            File.Move(temp, fullOutput, overwrite: true);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Đã phân loại {households} hộ theo {string.Join(", ", standards.Select(s => s.Code))}: {outputPath}"));
            return ExitOk;
        }
        finally
        {
            File.Delete(temp);
        }
    }

    /// <summary>The header line's bytes (BOM included) and whatever was read past it.</summary>
    private static (byte[] Header, byte[] Remainder) ReadHeaderLine(Stream input)
    {
        var buffer = new byte[1 << 16];
        var filled = 0;
        while (true)
        {
            var end = buffer.AsSpan(0, filled).IndexOf((byte)'\n');
            if (end >= 0)
            {
                return (buffer[..(end + 1)], buffer[(end + 1)..filled]);
            }

            if (filled == buffer.Length)
            {
                Array.Resize(ref buffer, buffer.Length * 2);
            }

            var read = input.Read(buffer, filled, buffer.Length - filled);
            if (read == 0)
            {
                return (buffer[..filled], []);
            }

            filled += read;
        }
    }

    /// <summary>
    /// The input is cut into blocks of whole lines; every core parses, validates, classifies and formats blocks in
    /// parallel, and one writer thread writes their output in file order. The number of blocks in flight is bounded,
    /// so memory stays flat whatever the file's size. Errors are gathered per block and merged in file order; after
    /// the first error nothing more is formatted or written.
    /// </summary>
    private sealed class Pipeline(Stream input, HouseholdCsvReader header, IReadOnlyList<PovertyStandard> standards, Stream file, CsvErrorList errors, int blockBytes) : IDisposable
    {
        private const int ChunkRows = 8192;
        private readonly int _workers = Math.Max(1, Environment.ProcessorCount);
        private readonly CancellationTokenSource _failed = new();
        private volatile bool _anyError;

        public long Run(byte[] rest, Action<long> report)
        {
            var inFlight = _workers + 3;
            using var free = new BlockingCollection<Block>();
            using var work = new BlockingCollection<Block>();
            using var ordered = new BlockingCollection<Block>();
            var blocks = Enumerable.Range(0, inFlight).Select(_ => new Block(blockBytes, standards)).ToArray();
            foreach (var block in blocks)
            {
                free.Add(block);
            }

            var token = _failed.Token;
            var tasks = new List<Task>();
            for (var i = 0; i < _workers; i++)
            {
                tasks.Add(Start(() => Work(work, token)));
            }

            long rows = 0;
            tasks.Add(Start(() => rows = Write(ordered, free, token)));
            try
            {
                Produce(rest, free, work, ordered, report, token);
            }
            catch (OperationCanceledException) when (token.IsCancellationRequested)
            {
                // A worker or the writer failed: its exception is rethrown below.
            }
            finally
            {
                work.CompleteAdding();
                ordered.CompleteAdding();
            }

            try
            {
                Task.WaitAll(tasks);
            }
            catch (AggregateException failure)
            {
                var first = failure.Flatten().InnerExceptions.FirstOrDefault(e => e is not OperationCanceledException) ?? failure.InnerExceptions[0];
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(first);
            }
            finally
            {
                foreach (var block in blocks)
                {
                    block.Dispose();
                }
            }

            return rows;
        }

        public void Dispose() => _failed.Dispose();

        private Task Start(Action action) => Task.Factory.StartNew(() =>
        {
            try
            {
                action();
            }
            catch (Exception)
            {
                _failed.Cancel();
                throw;
            }
        }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

        /// <summary>Reads the file into blocks cut after their last line break and numbers their first lines.</summary>
        private void Produce(byte[] rest, BlockingCollection<Block> free, BlockingCollection<Block> work, BlockingCollection<Block> ordered, Action<long> report, CancellationToken token)
        {
            long line = 2;
            var block = free.Take(token);
            block.EnsureCapacity(rest.Length);
            rest.CopyTo(block.Bytes, 0);
            var filled = rest.Length;
            var end = false;
            while (true)
            {
                while (!end && filled < block.Bytes.Length)
                {
                    var read = input.Read(block.Bytes, filled, block.Bytes.Length - filled);
                    end = read == 0;
                    filled += read;
                }

                if (filled == 0)
                {
                    free.Add(block, token);
                    return;
                }

                var cut = end ? filled : block.Bytes.AsSpan(0, filled).LastIndexOf((byte)'\n') + 1;
                if (cut == 0)
                {
                    // One line longer than a block: grow the block and read on.
                    block.EnsureCapacity(block.Bytes.Length * 2);
                    continue;
                }

                var next = free.Take(token);
                next.EnsureCapacity(filled - cut);
                block.Bytes.AsSpan(cut, filled - cut).CopyTo(next.Bytes);
                block.Start(cut, line);
                line += block.Bytes.AsSpan(0, cut).Count((byte)'\n');
                work.Add(block, token);
                ordered.Add(block, token);
                report(input.Position);
                block = next;
                filled -= cut;
                if (end && filled == 0)
                {
                    free.Add(block, token);
                    return;
                }
            }
        }

        private void Work(BlockingCollection<Block> work, CancellationToken token)
        {
            var chunk = new HouseholdChunk(ChunkRows, standards.Count);
            var compiled = standards.Select(CompiledStandard.Compile).ToArray();
            foreach (var block in work.GetConsumingEnumerable(token))
            {
                try
                {
                    using var reader = header.ForBlock(block.Bytes, block.Length, block.FirstLine, block.Errors);
                    while (reader.Read())
                    {
                        if (block.Errors.Any || _anyError)
                        {
                            continue;
                        }

                        chunk.Add(reader);
                        if (chunk.IsFull)
                        {
                            Format(chunk, compiled, block.Output);
                        }
                    }

                    if (!block.Errors.Any && !_anyError)
                    {
                        Format(chunk, compiled, block.Output);
                    }

                    chunk.Clear();
                    block.Rows = reader.Rows;
                    if (block.Errors.Any)
                    {
                        _anyError = true;
                    }
                }
                finally
                {
                    block.Done.Set();
                }
            }
        }

        private void Format(HouseholdChunk chunk, CompiledStandard[] compiled, ClassificationCsvWriter output)
        {
            for (var i = 0; i < chunk.Count; i++)
            {
                var id = chunk.Id(i);
                for (var s = 0; s < compiled.Length; s++)
                {
                    var mask = chunk.Masks[(i * compiled.Length) + s];
                    var category = chunk.IsScore[i]
                        ? ByScore(standards[s], (AreaType)chunk.Areas[i], (int)chunk.Values[i], mask)
                        : compiled[s].Categorize(chunk.Values[i], (AreaType)chunk.Areas[i], mask);
                    output.Write(id, s, category, mask);
                }
            }

            chunk.Clear();
        }

        /// <summary>Writes the blocks' output in file order and merges their errors; returns the rows read.</summary>
        private long Write(BlockingCollection<Block> ordered, BlockingCollection<Block> free, CancellationToken token)
        {
            file.Write(ClassificationCsvWriter.Header);
            long rows = 0;
            foreach (var block in ordered.GetConsumingEnumerable(token))
            {
                block.Done.Wait(token);
                rows += block.Rows;
                errors.AddRange(block.Errors);
                if (!errors.Any)
                {
                    file.Write(block.Output.Written);
                }

                free.Add(block, token);
            }

            file.Flush();
            return rows;
        }
    }

    /// <summary>A block of whole input lines and, once a worker is done with it, its output rows and errors.</summary>
    private sealed class Block(int capacity, IReadOnlyList<PovertyStandard> standards) : IDisposable
    {
        public byte[] Bytes { get; private set; } = new byte[capacity];

        public int Length { get; private set; }

        public long FirstLine { get; private set; }

        public long Rows { get; set; }

        public CsvErrorList Errors { get; private set; } = new();

        public ClassificationCsvWriter Output { get; } = new(standards, capacity * 2);

        public ManualResetEventSlim Done { get; } = new();

        public void Dispose() => Done.Dispose();

        public void EnsureCapacity(int bytes)
        {
            if (Bytes.Length < bytes)
            {
                var grown = new byte[Math.Max(bytes, Bytes.Length * 2)];
                Bytes.CopyTo(grown, 0);
                Bytes = grown;
            }
        }

        public void Start(int length, long firstLine)
        {
            Length = length;
            FirstLine = firstLine;
            Rows = 0;
            Errors = new CsvErrorList();
            Output.Clear();
            Done.Reset();
        }
    }

    private static HouseholdCategory ByScore(PovertyStandard standard, AreaType area, int score, uint mask)
    {
        var scores = standard.ScoreLinesFor(area)!;
        return PovertyRule.Decide(standard.Shape.Value, score, scores.PovertyScore.Value, scores.NearPovertyScore?.Value,
            null, BitOperations.PopCount(mask), standard.DeprivationThreshold.Value).Category();
    }
}
