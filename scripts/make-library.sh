#!/usr/bin/env bash
# Builds a synthetic library of N leaflets from the real ones in content/leaflets/, for the scale benchmark
# (scripts/bench-scale.sh) and the tests that load a library bigger than ours.
#   scripts/make-library.sh N DIR     writes DIR/leaflets/<source>-<n>/ for n = 1..N (DIR must not exist or be empty)
#
# Leaflet n is a copy of real leaflet (n-1) mod (number of real leaflets), made to differ the way a real library does:
# its own title and summary, two topics and one clinical code more from fixed pools (chosen by n, so searching and
# filtering have something to tell apart), its own review date; every third leaflet keeps its source's translations
# (the Welsh cementoplasty), the others are in English only. Deterministic: the same N and the same content/ give the
# same bytes, and nothing depends on the clock, the locale or the file system's order.
#
# Images are hard links to one copy of the real leaflet's files: the loader still opens a real regular file for
# each (a symbolic link it would skip), but 10,000 leaflets take no more disk for images than one (copies took
# 163 MB at 1,000). The text is written by one Perl process (perl-base is part of every Debian system), so 10,000
# leaflets take seconds, not the minutes of a process per file.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

if [ $# -ne 2 ]; then
  echo "usage: scripts/make-library.sh N DIR   (N leaflets, 1 to 100000, written to DIR/leaflets/)" >&2
  exit 2
fi
count=$1
target=$2
if ! [[ "$count" =~ ^[1-9][0-9]{0,5}$ ]] || [ "$count" -gt 100000 ]; then
  echo "make-library.sh: N must be a whole number from 1 to 100000, not '$count'" >&2
  exit 2
fi
if [ -e "$target" ] && [ -n "$(ls -A "$target")" ]; then
  echo "make-library.sh: '$target' exists and is not empty; give a new folder so no leaflet is left over from another run" >&2
  exit 2
fi
case "$(realpath -m "$target")/" in
  "$root/content/"*) echo "make-library.sh: '$target' is inside content/; the synthetic library is written outside the real one" >&2; exit 2 ;;
esac
mkdir -p "$target/leaflets"

LC_ALL=C perl -e '
use strict;
use warnings;
my ($count, $from, $to) = @ARGV;

opendir(my $dir, $from) or die "cannot read $from: $!\n";
my @sources = sort grep { !/^\./ && -d "$from/$_" } readdir($dir);
closedir($dir);
die "no leaflets in $from\n" unless @sources;

sub slurp { my ($path) = @_; open(my $in, "<:raw", $path) or die "cannot read $path: $!\n"; local $/; my $text = <$in>; close($in); return $text; }
sub spew { my ($path, $text) = @_; open(my $out, ">:raw", $path) or die "cannot write $path: $!\n"; print $out $text; close($out) or die "cannot write $path: $!\n"; }

# Lay and clinical subjects a health board writes leaflets about; each synthetic leaflet adds two to its topics and
# names one in its title, so listings and searches see thousands of different titles rather than one title repeated.
my @subjects = ("asthma", "heart failure", "diabetes", "high blood pressure", "hip replacement", "knee replacement",
  "cataract surgery", "breast cancer", "lung cancer", "bowel screening", "kidney stones", "osteoporosis",
  "rheumatoid arthritis", "stroke recovery", "chemotherapy", "radiotherapy", "hearing loss", "sleep problems",
  "pregnancy", "physiotherapy", "wound care", "blood tests", "MRI scans", "CT scans");
my @leads = ("Living with", "Understanding", "Questions about", "Caring for someone with", "A guide to", "Coming to hospital for");
# Real SNOMED CT concepts with their preferred display names.
my @codes = (["94222008", "Secondary malignant neoplasm of bone"], ["195967001", "Asthma"], ["73211009", "Diabetes mellitus"],
  ["38341003", "Hypertensive disorder"], ["64859006", "Osteoporosis"], ["69896004", "Rheumatoid arthritis"],
  ["254837009", "Malignant neoplasm of breast"], ["13645005", "Chronic obstructive lung disease"], ["22298006", "Myocardial infarction"]);

my %files;
for my $source (@sources) {
  opendir(my $leaflet, "$from/$source") or die "cannot read $from/$source: $!\n";
  my @names = sort grep { /\.md$/ && -f "$from/$source/$_" } readdir($leaflet);
  closedir($leaflet);
  my @images;
  if (-d "$from/$source/images") {
    opendir(my $pictures, "$from/$source/images") or die "cannot read $from/$source/images: $!\n";
    @images = sort grep { -f "$from/$source/images/$_" } readdir($pictures);
    closedir($pictures);
  }
  $files{$source} = { text => { map { $_ => slurp("$from/$source/$_") } @names }, images => \@images };
}

my %origins;
for my $n (1 .. $count) {
  my $source = $sources[($n - 1) % @sources];
  my $id = sprintf("%s-%05d", $source, $n);
  my $folder = "$to/$id";
  my $subject = $subjects[($n - 1) % @subjects];
  my $other = $subjects[(($n - 1) * 7 + 3) % @subjects];
  my $lead = $leads[int(($n - 1) / @subjects) % @leads];
  my ($code, $display) = @{$codes[($n - 1) % @codes]};
  my $keep_translations = $n % 3 == 0;
  my $reviewed = sprintf("%04d-%02d-%02d", 2018 + ($n % 7), 1 + ($n % 12), 1 + ($n % 28));
  mkdir($folder) or die "cannot make $folder: $!\n";
  for my $name (sort keys %{$files{$source}{text}}) {
    my $translation = $name =~ /^[a-z-]+\.[^.]+\.md$/;
    next if $translation && !$keep_translations;
    my $text = $files{$source}{text}{$name};
    if (!$translation) {
      # Only the front matter changes; translations keep theirs (they take their codes from the main file, and a
      # review date of their own would only make them look out of date).
      my ($front, $body) = $text =~ /\A(---\n.*?\n---\n)(.*)\z/s or die "$source/$name has no front matter\n";
      $front =~ s/^title: (.*)$/title: $lead $subject ($n) – $1/m; # no ": " in it, which YAML would read as a mapping
      $front =~ s/^summary: (.*)$/summary: For leaflet $n, about $subject. $1/m;
      $front =~ s/^lastReviewed: .*$/lastReviewed: $reviewed/m unless $keep_translations;
      $front =~ s/^topics: \[(.*)\]$/topics: [$1, $subject, $other]/m;
      my $entry = "  - system: SNOMED-CT\n    code: \"$code\"\n    display: $display\n";
      $front =~ s/^codes:\n/codes:\n$entry/m or $front =~ s/\n---\n\z/\ncodes:\n$entry---\n/;
      $text = $front . $body;
    }
    spew("$folder/$name", $text);
  }
  if (@{$files{$source}{images}}) {
    mkdir("$folder/images") or die "cannot make $folder/images: $!\n";
    for my $image (@{$files{$source}{images}}) {
      # The first leaflet made from a source gets copies; the rest link to those, never to content/ itself, so an
      # image edited in the synthetic library cannot change the real one.
      if (my $origin = $origins{$source}) {
        link("$origin/$image", "$folder/images/$image") or die "cannot link $folder/images/$image: $!\n";
      } else {
        spew("$folder/images/$image", slurp("$from/$source/images/$image"));
      }
    }
    $origins{$source} //= "$folder/images";
  }
}
' "$count" "$root/content/leaflets" "$target/leaflets"
echo "Wrote $count leaflets to $target/leaflets"
