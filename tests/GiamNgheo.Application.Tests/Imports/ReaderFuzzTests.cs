using GiamNgheo.Application.Exports;
using GiamNgheo.Application.Imports;
using GiamNgheo.Application.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace GiamNgheo.Application.Tests.Imports;

/// <summary>Random and mutated files: the importer answers with a clear message or row problems, never an exception.</summary>
public class ReaderFuzzTests
{
    [Fact]
    public async Task Import_RandomAndMutatedCsv_NeverThrows()
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");
        using var files = await ImportFiles.GenerateAsync(households: 15, seed: 3);
        var households = await File.ReadAllBytesAsync(files.Households);
        var members = await File.ReadAllBytesAsync(files.Members);
        var random = new Random(42);
        for (var i = 0; i < 60; i++)
        {
            var h = i % 3 == 0 ? RandomBytes(random, random.Next(0, 3000)) : Mutate(random, households);
            var m = i % 3 == 1 ? RandomBytes(random, random.Next(0, 3000)) : Mutate(random, members);
            await File.WriteAllBytesAsync(files.PathOf("h.csv"), h);
            await File.WriteAllBytesAsync(files.PathOf("m.csv"), m);

            var result = await db.RunAsync(sp => sp.GetRequiredService<HouseholdImporter>()
                .ImportAsync(ImportRequest.Csv(files.PathOf("h.csv"), files.PathOf("m.csv")), null, default));

            Assert.True(result.Succeeded || result.FileError is { Length: > 0 } || result.Problems.Count > 0);
        }
    }

    [Fact]
    public async Task Import_RandomAndMutatedXlsx_NeverThrows()
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");
        using var files = await ImportFiles.GenerateAsync(households: 10, seed: 5);
        Assert.True((await db.RunAsync(sp => sp.GetRequiredService<HouseholdImporter>().ImportAsync(ImportFiles.Request(files), null, default))).Succeeded);
        byte[] workbook;
        using (var stream = new MemoryStream())
        {
            await db.RunAsync(sp => sp.GetRequiredService<HouseholdExporter>().ExportXlsxAsync(new ExportRequest { UnitCode = "11" }, stream, default));
            workbook = stream.ToArray();
        }

        await using var fresh = await TestDatabase.CreateAsync("sqlite");
        var random = new Random(7);
        var path = files.PathOf("w.xlsx");
        for (var i = 0; i < 40; i++)
        {
            var bytes = i switch
            {
                0 => [],
                1 => workbook[..(workbook.Length / 2)],
                2 => RandomBytes(random, 5000),
                _ => Mutate(random, workbook),
            };
            await File.WriteAllBytesAsync(path, bytes);

            var result = await fresh.RunAsync(sp => sp.GetRequiredService<HouseholdImporter>().ImportAsync(ImportRequest.Workbook(path), null, default));

            Assert.True(result.Succeeded || result.FileError is { Length: > 0 } || result.Problems.Count > 0);
            if (i < 3)
            {
                Assert.NotNull(result.FileError);
            }
        }
    }

    private static byte[] RandomBytes(Random random, int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }

    private static byte[] Mutate(Random random, byte[] source)
    {
        var bytes = (byte[])source.Clone();
        var changes = random.Next(1, 12);
        for (var c = 0; c < changes; c++)
        {
            var at = random.Next(bytes.Length);
            bytes[at] = random.Next(4) switch
            {
                0 => (byte)',',
                1 => (byte)'"',
                2 => (byte)'\n',
                _ => (byte)random.Next(256),
            };
        }

        return random.Next(5) == 0 ? bytes[..random.Next(bytes.Length)] : bytes;
    }
}
