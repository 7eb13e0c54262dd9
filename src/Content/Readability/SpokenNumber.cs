namespace Leaflets.Content.Readability;

/// <summary>The syllables of a number written in digits, as a British English reader says it.</summary>
internal static class SpokenNumber
{
    //                                     zero one two three four five six seven eight nine
    private static readonly int[] Ones = [2, 1, 1, 1, 1, 1, 1, 2, 1, 1];
    //                                     ten eleven twelve thirteen ... seventeen eighteen nineteen
    private static readonly int[] Teens = [1, 3, 1, 2, 2, 2, 2, 3, 2, 2];
    //                                     -, -, twenty thirty forty fifty sixty seventy eighty ninety
    private static readonly int[] Tens = [0, 0, 2, 2, 2, 2, 2, 3, 2, 2];

    private const int Hundred = 2;
    private const int Thousand = 2;
    private const int And = 1;

    public static int Syllables(string digits)
    {
        // Phone numbers, codes and numbers with a leading zero are read digit by digit.
        if (digits.Length > 6 || digits.Length > 1 && digits[0] == '0')
        {
            return digits.Sum(d => Ones[d - '0']);
        }
        var n = int.Parse(digits, System.Globalization.CultureInfo.InvariantCulture);
        if (digits.Length == 4 && n is >= 1100 and <= 1999)
        {
            // Years: nineteen ninety-eight, nineteen oh six, nineteen hundred.
            var rest = n % 100;
            return Below100(n / 100) + (rest == 0 ? Hundred : rest < 10 ? 1 + Ones[rest] : Below100(rest));
        }
        return Below1000000(n);
    }

    private static int Below100(int n) => n switch
    {
        < 10 => Ones[n],
        < 20 => Teens[n - 10],
        _ => Tens[n / 10] + (n % 10 == 0 ? 0 : Ones[n % 10]),
    };

    private static int Below1000(int n)
    {
        if (n < 100)
        {
            return Below100(n);
        }
        var rest = n % 100;
        return Ones[n / 100] + Hundred + (rest == 0 ? 0 : And + Below100(rest));
    }

    private static int Below1000000(int n)
    {
        if (n < 1000)
        {
            return Below1000(n);
        }
        var rest = n % 1000;
        return Below1000(n / 1000) + Thousand + (rest == 0 ? 0 : (rest < 100 ? And : 0) + Below1000(rest));
    }
}
