if (args.FirstOrDefault() == "eval")
{
    return NewsArchive.Bench.Eval.EvalCommand.Run(args[1..]);
}

Console.WriteLine("Hello, World!");
return 0;
