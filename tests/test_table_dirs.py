"""Directory outputs: the partitioned Parquet dataset (read back by pandas, pyarrow, DuckDB and
Dask, written serially, by the process pool and by Dask) and the Frictionless data package."""
from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from zhfacts.cli import main
from zhfacts.errors import ZhfactsError
from zhfacts.codes import GlossSource
from zhfacts.schema import KINDS, QUALIFIERS, unit_codes
from zhfacts.table import COLUMNS, to_frame
from zhfacts.io.tables import read_table

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
DOCS = ["kzhq-2020", "gwr-2020", "nea-2022", "hk-income-2020", "wmt21-yina-en"]


@pytest.fixture(scope="module")
def reports(tmp_path_factory) -> Path:
    """Corpus documents of every language with their manifest: simplified, traditional, English."""
    folder = tmp_path_factory.mktemp("reports")
    for doc in DOCS:
        shutil.copyfile(CORPUS / f"{doc}.txt", folder / f"{doc}.txt")
    shutil.copyfile(CORPUS / "manifest.csv", folder / "manifest.csv")
    (folder / "zz-no-claims.txt").write_text("没有数字的一句话。", encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def serial(reports, tmp_path_factory) -> pd.DataFrame:
    out = tmp_path_factory.mktemp("serial") / "serial.csv"
    assert main(["extract", str(reports), "-o", str(out), "--jobs", "1"]) == 0
    return read_table(out)


@pytest.mark.parametrize("engine", [["--jobs", "1"], ["--jobs", "2"], ["--scheduler", "local"]],
                         ids=["serial", "pool", "dask"])
def test_parquet_dataset_has_one_file_per_document_and_the_serial_rows(tmp_path, reports, serial, engine):
    out = tmp_path / "claims"
    assert main(["extract", str(reports), "-o", str(out), "--format", "parquet", *engine]) == 0
    parts = sorted(p.name for p in out.iterdir())
    assert parts == [f"part.{i:05d}.parquet" for i in range(len(DOCS) + 1)]
    back = read_table(out)
    pd.testing.assert_frame_equal(back, serial)
    assert (read_table(out / parts[-1]).columns == COLUMNS).all() and len(read_table(out / parts[-1])) == 0


@pytest.mark.parametrize("engine", [["--jobs", "1"], ["--jobs", "2"], ["--scheduler", "local"]],
                         ids=["serial", "pool", "dask"])
def test_parquet_dataset_takes_every_option_that_changes_rows(tmp_path, reports, engine, capsys):
    """--lang, --kind, --year and --keep-going reach the documents on every engine: the dataset
    holds the rows a CSV of the same options holds, an unreadable file is skipped (one line,
    exit 1) and leaves an empty partition in its place."""
    folder = tmp_path / "in"
    shutil.copytree(reports, folder)
    (folder / "a-binary.txt").write_bytes(b"\x00\x01\x02binary")
    options = ["--lang", "zh", "--kind", "work_report", "--year", "2019", "--keep-going"]
    expected = tmp_path / "expected.csv"
    assert main(["extract", str(folder), "-o", str(expected), *options, "--jobs", "1"]) == 1
    capsys.readouterr()
    out = tmp_path / "claims"
    assert main(["extract", str(folder), "-o", str(out), "--format", "parquet", *options, *engine]) == 1
    err = capsys.readouterr().err
    assert err.count("(skipped)") == 1 and "a-binary.txt" in err
    assert len(list(out.iterdir())) == len(DOCS) + 2 and len(read_table(out / "part.00000.parquet")) == 0
    pd.testing.assert_frame_equal(read_table(out), read_table(expected))
    default = tmp_path / "default.csv"
    assert main(["extract", str(reports), "-o", str(default), "--jobs", "1"]) == 0
    assert not read_table(default).equals(read_table(expected))  # the options changed rows


def test_parquet_dataset_reads_back_in_pandas_pyarrow_duckdb_and_dask(tmp_path, reports, serial):
    import dask.dataframe as dd
    import duckdb
    import pyarrow.dataset as ds

    out = tmp_path / "claims"
    assert main(["extract", str(reports), "-o", str(out), "--format", "parquet", "--jobs", "2"]) == 0
    expected = serial.reset_index(drop=True)
    frames = {
        "pandas": pd.read_parquet(out),
        "pyarrow": ds.dataset(out, format="parquet").to_table().to_pandas(),
        "duckdb": duckdb.sql(f"SELECT * FROM read_parquet('{out}/*.parquet')").df(),
        "dask": dd.read_parquet(out).compute().reset_index(drop=True),
    }
    for name, frame in frames.items():
        frame = frame.sort_values(["doc_id", "start", "end"], kind="stable").reset_index(drop=True)
        want = expected.sort_values(["doc_id", "start", "end"], kind="stable").reset_index(drop=True)
        assert list(frame.columns) == COLUMNS, name
        assert frame["text"].tolist() == want["text"].tolist(), name
        assert frame["value"].tolist() == want["value"].tolist(), name
        assert frame["start"].dtype == "int64" and frame["value"].dtype == "float64", name


def test_a_new_dataset_replaces_an_earlier_one_but_never_another_directory(tmp_path, reports, capsys):
    out = tmp_path / "claims"
    assert main(["extract", str(reports / "nea-2022.txt"), "-o", str(out), "--format", "parquet"]) == 0
    assert main(["extract", str(reports), "-o", str(out), "--format", "parquet"]) == 0
    assert len(list(out.iterdir())) == len(DOCS) + 1
    other = tmp_path / "notes"
    other.mkdir()
    (other / "keep.txt").write_text("mine", encoding="utf-8")
    capsys.readouterr()
    assert main(["extract", str(reports), "-o", str(other), "--format", "parquet"]) == 2
    err = capsys.readouterr().err
    assert str(other) in err and "not a Parquet dataset" in err and err.count("\n") == 1
    assert [p.name for p in other.iterdir()] == ["keep.txt"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["claims", "notes"]


def test_a_failed_run_leaves_no_dataset_and_no_temp_directory(tmp_path, reports, capsys):
    out = tmp_path / "claims"
    assert main(["extract", str(reports), str(tmp_path / "missing.txt"), "-o", str(out), "--format", "parquet"]) == 2
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("failure", [OSError(28, "No space left on device"), KeyboardInterrupt()],
                         ids=["oserror", "interrupt"])
def test_the_earlier_dataset_survives_a_failure_between_the_two_moves(tmp_path, monkeypatch, failure):
    """The old folder is moved aside, then the new one into place: failing in between puts the old
    one back, and the terminating signals are held across both moves."""
    import os
    import signal

    from zhfacts.io.dataset import atomic_directory

    target = tmp_path / "ds"
    target.mkdir()
    (target / "part.00000.parquet").write_bytes(b"old")
    real_replace, moves, held = os.replace, [], []

    def replace(src, dst):
        moves.append(Path(dst).name)
        held.append(signal.SIGTERM in signal.pthread_sigmask(signal.SIG_BLOCK, []))
        if len(moves) == 2:
            raise failure
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", replace)
    with pytest.raises(BaseException) as raised:
        with atomic_directory(target, "Parquet dataset", lambda p: True) as tmp:
            (tmp / "part.00000.parquet").write_bytes(b"new")
    assert raised.type is (KeyboardInterrupt if isinstance(failure, KeyboardInterrupt) else ZhfactsError)
    assert moves[1] == "ds" and held[:2] == [True, True]
    assert [p.name for p in tmp_path.iterdir()] == ["ds"]
    assert (target / "part.00000.parquet").read_bytes() == b"old"


def test_a_single_parquet_file_is_still_one_file(tmp_path, reports):
    out = tmp_path / "claims.parquet"
    assert main(["extract", str(reports), "-o", str(out)]) == 0
    assert out.is_file()


def test_zhfacts_dask_extract_is_a_dask_dataframe_with_the_table_dtypes(reports, serial):
    import dask.dataframe as dd
    import zhfacts.dask
    from zhfacts.engines.dask import connect

    claims = zhfacts.dask.extract([reports])
    assert isinstance(claims, dd.DataFrame) and claims.npartitions == len(DOCS) + 1
    assert claims.dtypes.to_dict() == to_frame([]).dtypes.to_dict()
    with connect("local"):
        computed = claims.compute()
    pd.testing.assert_frame_equal(read_table_like(computed), serial)


def read_table_like(frame: pd.DataFrame) -> pd.DataFrame:
    """A computed Dask frame as read_table gives a file: one index over all partitions."""
    from zhfacts.io.tables import normalise
    return normalise(frame.reset_index(drop=True), "dask")


@pytest.fixture(scope="module")
def package(reports, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("package") / "claims"
    assert main(["extract", str(reports), "-o", str(out), "--format", "datapackage", "--explain"]) == 0
    return out


def test_data_package_passes_frictionless_validate(package):
    frictionless = Path(sys.executable).with_name("frictionless")
    command = [str(frictionless)] if frictionless.exists() else [sys.executable, "-m", "frictionless"]
    done = subprocess.run(command + ["validate", "--json", str(package / "datapackage.json")],
                          capture_output=True, text=True, timeout=300)
    report = json.loads(done.stdout)
    assert done.returncode == 0 and report["valid"], done.stdout[-2000:]
    assert [task["name"] for task in report["tasks"]] == ["claims", "documents"]


def test_data_package_describes_every_column_with_codes_as_enums(package, serial):
    descriptor = json.loads((package / "datapackage.json").read_text(encoding="utf-8"))
    claims, documents = descriptor["resources"]
    fields = {f["name"]: f for f in claims["schema"]["fields"]}
    assert list(fields) == COLUMNS
    assert all(f["description"] for f in fields.values())
    assert fields["start"]["type"] == "integer" and fields["value"]["type"] == "number"
    assert fields["unit"]["constraints"]["enum"] == sorted(unit_codes())
    assert fields["qualifier"]["constraints"]["enum"] == list(QUALIFIERS)
    assert fields["kind"]["constraints"]["enum"] == list(KINDS)
    assert fields["metric_en_source"]["constraints"]["enum"] == list(GlossSource)
    table = pd.read_csv(package / "claims.csv", dtype=str, keep_default_na=False)
    assert set(table["status"]) == {"claim", "excluded"}
    assert set(table["metric_en_source"]) - {""} == set(GlossSource)  # every language's source
    listed = pd.read_csv(package / documents["path"], dtype=str, keep_default_na=False)
    assert listed["doc_id"].tolist() == DOCS_SORTED
    counts = table["doc_id"].value_counts()
    assert [int(c) for c in listed["claims"]] == [int(counts.get(d, 0)) for d in DOCS_SORTED]
    assert listed.set_index("doc_id").loc["kzhq-2020", "place"] == "科左后旗"


DOCS_SORTED = sorted(DOCS) + ["zz-no-claims"]


def test_data_package_with_a_bad_code_fails_validation(package, tmp_path):
    """The enum constraints bite: a unit outside the lexicon is an error."""
    broken = tmp_path / "broken"
    shutil.copytree(package, broken)
    table = pd.read_csv(broken / "claims.csv", dtype=str, keep_default_na=False)
    table.loc[0, "unit"] = "furlong"
    table.to_csv(broken / "claims.csv", index=False)
    from frictionless import validate
    report = validate(str(broken / "datapackage.json"))
    assert not report.valid
    assert "constraint-error" in {e.type for task in report.tasks for e in task.errors}


def test_data_package_needs_an_output_directory(capsys):
    assert main(["extract", str(CORPUS / "nea-2022.txt"), "--format", "datapackage"]) == 2
    err = capsys.readouterr().err
    assert "-o DIR" in err and err.count("\n") == 1


def test_scheduler_address_connects_to_a_running_cluster(tmp_path, reports, serial):
    from distributed import LocalCluster

    with LocalCluster(n_workers=1, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        assert cluster.scheduler_address.startswith("tcp://")
        out = tmp_path / "out.csv"
        assert main(["extract", str(reports), "-o", str(out), "--scheduler", cluster.scheduler_address]) == 0
    pd.testing.assert_frame_equal(read_table(out), serial)


def test_an_unreachable_scheduler_is_a_one_line_error(tmp_path, reports, capsys):
    out = tmp_path / "out.csv"
    assert main(["extract", str(reports), "-o", str(out), "--scheduler", "tcp://127.0.0.1:9"]) == 2
    err = capsys.readouterr().err
    assert "tcp://127.0.0.1:9" in err and "cannot reach" in err and err.count("\n") == 1
    assert list(tmp_path.iterdir()) == []
