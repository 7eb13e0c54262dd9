using Leaflets.Soak;

// The load and the report of scripts/soak.sh; the script owns the processes (Azurite, leaflets serve) and the faults.
//   leaflets-soak warm --base URL --seconds N --connections C
//   leaflets-soak load --base URL --seconds N --connections C --pid PID --events FILE --report FILE
//   leaflets-soak put-blob --connection-string CS --container NAME --name BLOB --file PATH
//   leaflets-soak put-content --connection-string CS --container NAME --content DIR   (scripts/bench-scale.sh)
//   leaflets-soak floor --base URL --urls URL                                           (scripts/bench-scale.sh)
return args.FirstOrDefault() switch
{
    "warm" => await LoadCommand.WarmAsync(Arguments.Parse(args[1..])),
    "load" => await LoadCommand.RunAsync(Arguments.Parse(args[1..])),
    "put-blob" => await PutBlobCommand.RunAsync(Arguments.Parse(args[1..])),
    "put-content" => await PutContentCommand.RunAsync(Arguments.Parse(args[1..])),
    "floor" => await FloorCommand.RunAsync(Arguments.Parse(args[1..])),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: leaflets-soak warm --base URL --seconds N [--connections 64]");
    Console.Error.WriteLine("       leaflets-soak load --base URL --seconds N [--connections 64] --pid PID --events FILE --report FILE");
    Console.Error.WriteLine("       leaflets-soak put-blob --connection-string CS --container NAME --name BLOB --file PATH");
    Console.Error.WriteLine("       leaflets-soak put-content --connection-string CS --container NAME --content DIR");
    Console.Error.WriteLine("       leaflets-soak floor --base URL --urls URL");
    return 2;
}
