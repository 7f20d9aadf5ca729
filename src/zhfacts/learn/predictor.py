"""LightGBM's predictions straight from its C library, without importing the ``lightgbm``
package: that package imports SciPy (sparse matrices) at start, which costs more than extracting
a short document, and its ``predict`` checks its input at every call, which costs more than the
trees. Training still uses the package; its model text is what both read, and the numbers are
the same because the same library computes them. Feature rows go in as lists of floats, so a
prediction needs no NumPy either (its import costs more than a short document's decisions)."""
from __future__ import annotations

import ctypes
import importlib.util
from functools import lru_cache
from pathlib import Path

#: From LightGBM's c_api.h.
_FLOAT64 = 1
_PREDICT_NORMAL = 0


class LightGBMUnavailable(RuntimeError):
    """LightGBM's library is not installed, or it refused a model."""


@lru_cache(maxsize=None)
def _library() -> ctypes.CDLL:
    """lib_lightgbm of the installed lightgbm package, found without importing the package."""
    spec = importlib.util.find_spec("lightgbm")
    folders = list(spec.submodule_search_locations or []) if spec else []
    for folder in folders:
        for name in ("lib_lightgbm.so", "lib_lightgbm.dylib", "lib_lightgbm.dll"):
            path = Path(folder) / "lib" / name
            if path.is_file():
                lib = ctypes.CDLL(str(path))
                lib.LGBM_GetLastError.restype = ctypes.c_char_p
                return lib
    raise LightGBMUnavailable("the lightgbm package and its library are not installed")


def _check(status: int) -> None:
    if status != 0:
        raise LightGBMUnavailable(_library().LGBM_GetLastError().decode("utf-8", "replace"))


class Predictor:
    """A boosted model read from its LightGBM text; ``predict`` gives P(right) per feature row."""

    def __init__(self, text: str):
        self._text = text
        self._handle = ctypes.c_void_p()
        iterations = ctypes.c_int()
        _check(_library().LGBM_BoosterLoadModelFromString(text.encode("utf-8"), ctypes.byref(iterations),
                                                          ctypes.byref(self._handle)))

    def model_to_string(self) -> str:
        return self._text

    def predict(self, matrix: list[list[float]]) -> list[float]:
        """One probability per feature row (all of one length), computed in this thread."""
        rows, columns = len(matrix), len(matrix[0]) if matrix else 0
        data = (ctypes.c_double * (rows * columns))(*(x for row in matrix for x in row))
        out = (ctypes.c_double * rows)()
        written = ctypes.c_int64()
        _check(_library().LGBM_BoosterPredictForMat(
            self._handle, ctypes.cast(data, ctypes.c_void_p), ctypes.c_int(_FLOAT64), ctypes.c_int32(rows),
            ctypes.c_int32(columns), ctypes.c_int(1), ctypes.c_int(_PREDICT_NORMAL), ctypes.c_int(0),
            ctypes.c_int(-1), b"num_threads=1", ctypes.byref(written), ctypes.cast(out, ctypes.c_void_p)))
        return out[:written.value]

    def __del__(self):
        if self._handle.value:
            _library().LGBM_BoosterFree(self._handle)
