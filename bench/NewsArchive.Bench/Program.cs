namespace NewsArchive.Bench;

internal static class Program
{
    public static int Main(string[] args)
    {
        try
        {
            return args.FirstOrDefault() switch
            {
                "eval" => Eval.EvalCommand.Run(args[1..]),
                "import-child" => ImportChild.Run(args[1..]),
                "serve-static" => StaticCeiling.Serve(args[1..]),
                "search-only" => SearchOnly.Run(args[1..]),
                "fingerprint" => Fingerprint.Run(args[1..]),
                "index-alone" => IndexAlone.Run(args[1..]),
                "--help" or "-h" => Help(),
                _ => new BenchmarkRun(BenchOptions.Parse(args), "NewsArchive.Bench " + string.Join(' ', args)).Execute(),
            };
        }
        catch (ArgumentException e)
        {
            Console.Error.WriteLine(e.Message);
            return 2;
        }
    }

    private static int Help()
    {
        Console.WriteLine(BenchOptions.Usage);
        return 0;
    }
}
