"""The reference's kernel, for bench:compare's table: NumPy's BLAS and its thread count.

threadpoolctl when it is installed; otherwise numpy.show_config's build record for the BLAS name and,
for OpenBLAS, its own get_num_threads function read through ctypes from the library NumPy loaded.
Importable (info()) or run alone (prints JSON).
"""
import ctypes
import glob
import json
import os


def info():
    import numpy as np
    out = {'numpy': np.__version__, 'cpuCount': os.cpu_count()}
    try:
        from threadpoolctl import threadpool_info
        pools = [p for p in threadpool_info() if p.get('user_api') == 'blas']
        if pools:
            p = pools[0]
            out.update(blas=f"{p.get('internal_api')} {p.get('version')}", threads=p.get('num_threads'), source='threadpoolctl')
            return out
    except ImportError:
        pass
    blas = {}
    try:
        blas = np.show_config(mode='dicts')['Build Dependencies']['blas']
    except Exception:
        pass
    out.update(blas=f"{blas.get('name', '?')} {blas.get('version', '')}".strip(), threads=None, source='numpy.show_config (threadpoolctl not installed)')
    libdir = os.path.join(os.path.dirname(np.__file__), '..', 'numpy.libs')
    for path in glob.glob(os.path.join(libdir, '*openblas*.so*')):
        try:
            lib = ctypes.CDLL(path)
        except OSError:
            continue
        for name in ('scipy_openblas_get_num_threads64_', 'openblas_get_num_threads64_', 'openblas_get_num_threads'):
            f = getattr(lib, name, None)
            if f is not None:
                f.restype = ctypes.c_int
                out['threads'] = int(f())
                out['source'] += f'; threads from {name}()'
                return out
    return out


if __name__ == '__main__':
    print(json.dumps(info()))
