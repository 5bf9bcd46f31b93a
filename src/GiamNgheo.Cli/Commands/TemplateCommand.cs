using System.CommandLine;
using GiamNgheo.Application.Imports;

namespace GiamNgheo.Cli.Commands;

/// <summary><c>template --output dir</c>: writes the empty import templates (XLSX with notes, and the two CSV header files).</summary>
internal static class TemplateCommand
{
    public static Command Create()
    {
        var output = new Option<DirectoryInfo>("--output") { Description = "Thư mục ghi mẫu (output folder)", DefaultValueFactory = _ => new DirectoryInfo(".") };
        var command = new Command("template", "Ghi mẫu nhập liệu trống: mau-ho-gia-dinh.xlsx, households.csv, members.csv (empty import templates) và XLSForm KoboToolbox/ODK.") { output };
        command.SetAction(parse =>
        {
            var folder = parse.GetValue(output)!;
            folder.Create();
            using (var file = File.Create(Path.Combine(folder.FullName, "mau-ho-gia-dinh.xlsx")))
            {
                ImportTemplates.WriteWorkbook(file);
            }

            using (var file = File.Create(Path.Combine(folder.FullName, "households.csv")))
            {
                ImportTemplates.WriteHouseholdsCsv(file);
            }

            using (var file = File.Create(Path.Combine(folder.FullName, "members.csv")))
            {
                ImportTemplates.WriteMembersCsv(file);
            }

            using (var file = File.Create(Path.Combine(folder.FullName, "xlsform-ho-gia-dinh.xlsx")))
            {
                KoboForm.WriteXlsForm(file);
            }

            parse.InvocationConfiguration.Output.WriteLine($"Đã ghi mẫu vào {folder.FullName}: mau-ho-gia-dinh.xlsx, households.csv, members.csv, xlsform-ho-gia-dinh.xlsx.");
            return 0;
        });
        return command;
    }
}
