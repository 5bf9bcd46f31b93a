using System.CommandLine;
using GiamNgheo.Cli.Commands;

var root = new RootCommand("GiamNgheo — hệ thống quản lý giảm nghèo bền vững (command line)");
root.Subcommands.Add(MigrateCommand.Create());
root.Subcommands.Add(GenerateCommand.Create());
root.Subcommands.Add(ClassifyCommand.Create());
root.Subcommands.Add(MpiCommand.Create());
root.Subcommands.Add(BenchCommand.Create());
root.Subcommands.Add(ImportStandardCommand.Create());
root.Subcommands.Add(ImportCommand.Create());
root.Subcommands.Add(ExportCommand.Create());
root.Subcommands.Add(TemplateCommand.Create());
root.Subcommands.Add(SupportCommand.Create());
root.Subcommands.Add(ReportsCommand.Create());
root.Subcommands.Add(UsersCommand.Create());
root.Subcommands.Add(ReviewRulesCommand.Create());
root.Subcommands.Add(DecisionsCommand.Create());
return await root.Parse(args).InvokeAsync();
